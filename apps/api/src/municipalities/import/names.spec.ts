import { kreisDisplayName, splitOfficialName } from './names.js';

describe('official names as people say them', () => {
  it.each([
    ['Leipzig, Stadt', 'Stadt Leipzig', 'Stadt'],
    ['München, Landeshauptstadt', 'Landeshauptstadt München', 'Landeshauptstadt'],
    ['Hamburg, Freie und Hansestadt', 'Freie und Hansestadt Hamburg', 'Freie und Hansestadt'],
    ['Abenberg, St', 'Stadt Abenberg', 'Stadt'],
    ['Absberg, M', 'Markt Absberg', 'Markt'],
    ['Neu-Ulm, GKSt', 'Große Kreisstadt Neu-Ulm', 'Große Kreisstadt'],
    ['Ostseebad Binz', 'Ostseebad Binz', null],
    ['Mettmann, Fundort des Neanderthalers, Stadt', 'Stadt Mettmann', 'Fundort des Neanderthalers, Stadt'],
    ['Heringsdorf, Ostseebad', 'Heringsdorf', 'Ostseebad'],
    ['Aach', 'Aach', null],
  ])('%s → %s', (official, display, title) => {
    const split = splitOfficialName(official);
    expect(split.display).toBe(display);
    expect(split.title).toBe(title);
  });

  it.each([
    ['Leipzig', 'Landkreis', 'Landkreis Leipzig'],
    ['Pinneberg', 'Kreis', 'Kreis Pinneberg'],
    ['Region Hannover', 'Landkreis', 'Region Hannover'],
    ['Wartburgkreis', 'Landkreis', 'Wartburgkreis'],
    ['Regionalverband Saarbrücken', 'Regionalverband', 'Regionalverband Saarbrücken'],
  ])('Kreis %s (%s) → %s', (name, designation, display) => {
    expect(kreisDisplayName(name, designation)).toBe(display);
  });
});
