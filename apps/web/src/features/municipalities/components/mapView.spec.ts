import { geoMercator } from 'd3-geo';
import { inView, lonLatBox } from './mapView';

describe('map view', () => {
  it('boxes a shape by the extremes of its points, across parts and collections', () => {
    expect(
      lonLatBox({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [12, 51],
              [12.5, 51.5],
              [12, 51],
            ],
          ],
          [
            [
              [13, 50.5],
              [13.2, 51],
              [13, 50.5],
            ],
          ],
        ],
      }),
    ).toEqual([12, 50.5, 13.2, 51.5]);
    expect(
      lonLatBox({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [6, 47] },
          {
            type: 'LineString',
            coordinates: [
              [15, 55],
              [10, 50],
            ],
          },
        ],
      }),
    ).toEqual([6, 47, 15, 55]);
  });

  it('keeps what reaches into a regional map, drops what lies beside it', () => {
    // Around Leipzig: about 12.0–13.0° east, 51.0–51.6° north, fitted into 640 × 480.
    const projection = geoMercator().fitExtent(
      [
        [0, 0],
        [640, 480],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [12.0, 51.0],
          [13.0, 51.6],
        ],
      },
    );
    expect(inView(projection, [12.2, 51.2, 12.6, 51.4], 640, 480)).toBe(true);
    // Reaching in from the west only with its eastern edge.
    expect(inView(projection, [11.0, 51.2, 12.1, 51.4], 640, 480)).toBe(true);
    expect(inView(projection, [9.7, 47.5, 10.5, 48.0], 640, 480)).toBe(false);
    expect(inView(projection, [12.2, 53.5, 12.6, 54.0], 640, 480)).toBe(false);
    expect(inView(projection, [13.5, 51.2, 14.0, 51.4], 640, 480)).toBe(false);
  });
});
