// title: Leaders and deputies of an organisation
// description: Who leads an organisation (heads, deputies, chairs) and who holds any other
//   role in it, with the dates, sources and quotes. Last, for graph use: the keys of the
//   person and the organisation, and the claim id.
// param organisation (entity Organisation, required): the organisation (key, name or alias)
MATCH (o:Organisation {key: $organisation})<-[r:LEADS|MEMBER_OF]-(p:Entity)
WHERE r:LEADS OR r.role IS NOT NULL
MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)-[:CITES]->(src:Source)
RETURN p.name AS person, type(r) AS relationship, r.role AS role,
       coalesce(r.start, r.date) AS since, r.end AS until, src.title AS source, e.quote AS quote,
       p.key AS person_key, o.key AS organisation_key, r.claim_id AS claim_id
ORDER BY CASE type(r) WHEN 'LEADS' THEN 0 ELSE 1 END, role, person
