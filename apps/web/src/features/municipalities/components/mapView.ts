import type { GeoProjection } from 'd3-geo';
import type { Geometry } from 'geojson';

/** West, south, east, north in degrees. */
export type LonLatBox = [number, number, number, number];

/** The box around a shape's points: a plain pass over its coordinates, with none of the projection's trigonometry. */
export function lonLatBox(geometry: Geometry): LonLatBox {
  const box: LonLatBox = [Infinity, Infinity, -Infinity, -Infinity];
  const extend = (lon: number, lat: number) => {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  };
  const visit = (coordinates: unknown): void => {
    const list = coordinates as unknown[];
    if (typeof list[0] === 'number') extend(list[0], list[1] as number);
    else for (const c of list) visit(c);
  };
  if (geometry.type !== 'GeometryCollection') visit(geometry.coordinates);
  else
    for (const part of geometry.geometries) {
      const [west, south, east, north] = lonLatBox(part);
      extend(west, south);
      extend(east, north);
    }
  return box;
}

/**
 * Whether a shape's box reaches into the drawing (Mercator keeps west–east and south–north in order, so the box's
 * corners bound the projected shape). A region's map then projects its few dozen Kreise, not all 400.
 */
export function inView(projection: GeoProjection, [west, south, east, north]: LonLatBox, width: number, height: number): boolean {
  const [x0, bottom] = projection([west, south])!;
  const [x1, top] = projection([east, north])!;
  return x1 >= 0 && x0 <= width && bottom >= 0 && top <= height;
}
