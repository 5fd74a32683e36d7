// title: Cases of a lawyer
// description: Every case a lawyer works on (as defence counsel, or as the defender of a
//   person in a named case), with the clients there and the other lawyers of the case.
//   Last, for graph use: the keys of the case, the lawyer and the clients, and the ids of
//   the claims (the lawyer's in that case, the other lawyers' counsel claims, and the
//   clients' defendant claims in the case).
// param lawyer (entity Person, required): the lawyer (key, name or alias)
MATCH (l:Person {key: $lawyer})
MATCH (c:LegalCase)
WHERE (l)-[:COUNSEL_IN]->(c) OR EXISTS { MATCH (l)-[x:DEFENDS]->() WHERE x.case = c.key }
WITH l, c,
     COLLECT {
       MATCH (l)-[x:COUNSEL_IN|DEFENDS]->(t)
       WHERE (x:COUNSEL_IN AND t = c) OR (x:DEFENDS AND x.case = c.key)
       RETURN x AS x
     } AS own,
     COLLECT { MATCH (o:Person)-[x:COUNSEL_IN]->(c) WHERE o <> l RETURN x AS x } AS others
WITH l, c, own, others,
     COLLECT {
       UNWIND own AS x
       WITH CASE WHEN x:DEFENDS THEN endNode(x).key ELSE x.client END AS client
       MATCH (p:Entity {key: client})
       RETURN DISTINCT p AS p ORDER BY p.name
     } AS clients
RETURN c.name AS case,
       [p IN clients | p.name] AS clients,
       COLLECT { UNWIND others AS x RETURN DISTINCT startNode(x).name AS name ORDER BY name } AS other_lawyers,
       c.key AS case_key, l.key AS lawyer_key, [p IN clients | p.key] AS client_keys,
       COLLECT {
         CALL (own, others, clients, c) {
           UNWIND own + others AS x RETURN x.claim_id AS id
           UNION
           UNWIND clients AS p MATCH (p)-[d:DEFENDANT_IN]->(c) RETURN d.claim_id AS id
         }
         RETURN id ORDER BY id
       } AS claim_ids
ORDER BY case
