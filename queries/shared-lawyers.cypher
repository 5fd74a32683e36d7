// title: Lawyers shared between cases
// description: Defence lawyers who act in more than one case, with those cases; a shared
//   lawyer is often the first visible link between separate prosecutions.
// param min_cases (integer, default 2): the fewest cases a lawyer must act in to be listed
MATCH (l:Person)-[:COUNSEL_IN]->(c:LegalCase)
WITH l, collect(DISTINCT c) AS cases
WHERE size(cases) >= $min_cases
RETURN l.name AS lawyer, size(cases) AS n_cases,
       COLLECT { UNWIND cases AS c RETURN c.name AS name ORDER BY name } AS cases
ORDER BY n_cases DESC, lawyer
