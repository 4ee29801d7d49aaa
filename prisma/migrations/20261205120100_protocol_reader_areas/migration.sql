-- Protocols of rounds for a Land, a Kreis area or the host's neighbours were published to every member. They go to
-- the host organisation and the members of the audience's places, as new protocols do (RoundAudienceRules.readerAreas):
-- a Land by its code; a Kreis area as the Kreis and every Kreis bordering it; a neighbourhood as the host's
-- municipality and every one bordering it on its own levels, a Kreis among them also for the Gemeinden in it.
WITH protocols AS (
  SELECT m.id AS material, s.audience, s."audienceLandCode", s."audienceKreisId", s."hostOrganizationId"
  FROM "Material" m
  JOIN "Round" r ON r."protocolId" = m.id
  JOIN "RoundSeries" s ON s.id = r."seriesId"
  WHERE m.visibility = 'MEMBERS' AND s.audience IN ('LAND', 'KREIS_AREA', 'NEIGHBOURS')
),
kreis_area AS (
  SELECT p.material, p."audienceKreisId" AS id FROM protocols p WHERE p.audience = 'KREIS_AREA'
  UNION
  SELECT p.material, b."toId" FROM protocols p
  JOIN "MunicipalityBorder" b ON b."fromId" = p."audienceKreisId" AND b.level = 'KREIS'
  WHERE p.audience = 'KREIS_AREA'
),
near AS (
  SELECT p.material, h.id FROM protocols p
  JOIN "Organization" o ON o.id = p."hostOrganizationId"
  JOIN "Municipality" h ON h.id = o."locatedInId"
  WHERE p.audience = 'NEIGHBOURS'
  UNION
  SELECT p.material, b."toId" FROM protocols p
  JOIN "Organization" o ON o.id = p."hostOrganizationId"
  JOIN "Municipality" h ON h.id = o."locatedInId"
  JOIN "MunicipalityBorder" b ON b."fromId" = h.id
    AND b.level::text = ANY (ARRAY[CASE WHEN h."isLand" THEN 'LAND' END, CASE WHEN h."isKreis" THEN 'KREIS' END, CASE WHEN h."isGemeinde" THEN 'GEMEINDE' END])
  WHERE p.audience = 'NEIGHBOURS'
),
areas AS (
  SELECT p.material, 'l:' || p."audienceLandCode" AS key FROM protocols p WHERE p.audience = 'LAND' AND p."audienceLandCode" IS NOT NULL
  UNION
  SELECT a.material, 'k:' || k.ags FROM kreis_area a JOIN "Municipality" k ON k.id = a.id
  UNION
  SELECT n.material, 'm:' || m.ags FROM near n JOIN "Municipality" m ON m.id = n.id
  UNION
  SELECT n.material, 'k:' || m.ags FROM near n JOIN "Municipality" m ON m.id = n.id WHERE m."isKreis"
)
UPDATE "Material" m SET "visibility" = 'AREA', "readerAreas" = a.keys
FROM (SELECT material, array_agg(DISTINCT key ORDER BY key) AS keys FROM areas GROUP BY material) a
WHERE m.id = a.material;

-- Whatever found no place (an audience without its Land or Kreis) stays with the host organisation.
UPDATE "Material" m SET "visibility" = 'ORGANIZATION'
FROM "Round" r JOIN "RoundSeries" s ON s.id = r."seriesId"
WHERE r."protocolId" = m.id AND m."visibility" = 'MEMBERS' AND s."audience" IN ('LAND', 'KREIS_AREA', 'NEIGHBOURS');
