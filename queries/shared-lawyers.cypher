// title: Lawyers shared between cases
// description: Defence lawyers who act in more than one case, with those cases; a shared
//   lawyer is often the first visible link between separate prosecutions. Last, for graph
//   use: the keys of the lawyer and the cases, and the ids of the lawyer's counsel claims.
// param min_cases (integer, default 2): the fewest cases a lawyer must act in to be listed
MATCH (l:Person)-[r:COUNSEL_IN]->(c:LegalCase)
WITH l, collect(DISTINCT c) AS cases, collect(r.claim_id) AS claims
WHERE size(cases) >= $min_cases
RETURN l.name AS lawyer, size(cases) AS n_cases,
       COLLECT { UNWIND cases AS c RETURN c.name AS name ORDER BY name } AS cases,
       l.key AS lawyer_key,
       COLLECT { UNWIND cases AS c RETURN c.key AS key ORDER BY key } AS case_keys,
       COLLECT { UNWIND claims AS id RETURN id ORDER BY id } AS claim_ids
ORDER BY n_cases DESC, lawyer
