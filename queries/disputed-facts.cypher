// title: Facts whose sources disagree
// description: Claims whose sources give different values (dates, say): the fields in
//   dispute, the earliest value the relationship carries, and what each source says. Last,
//   for graph use: the keys of both ends and the claim id.
MATCH (s:Entity)-[r]->(o:Entity)
WHERE size(coalesce(r.disputed, [])) > 0
RETURN s.name AS subject, type(r) AS relationship, o.name AS object, r.disputed AS disputed,
       r.date AS earliest_date,
       COLLECT {
         MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)
         RETURN e.source + ' says ' + reduce(t = '', f IN r.disputed |
                  t + CASE WHEN t = '' THEN '' ELSE ', ' END + f + ' ' + coalesce(toString(e[f]), 'nothing'))
                AS says ORDER BY says
       } AS sources_say,
       s.key AS subject_key, o.key AS object_key, r.claim_id AS claim_id
ORDER BY subject, relationship, object
