const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LAND_CODE = /^(0[1-9]|1[0-6])$/;

/** Checked before an id reaches a `::uuid` cast or a query: anything else is simply not found. */
export const isUuid = (id: string): boolean => UUID.test(id);

/** The two-digit key of a Land, 01 (Schleswig-Holstein) to 16 (Thüringen). */
export const isLandCode = (code: string): boolean => LAND_CODE.test(code);
