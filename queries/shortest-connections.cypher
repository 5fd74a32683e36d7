// title: Shortest connections between two entities
// description: Every shortest chain of claims between two entities (either direction, at
//   most 6 hops), one row per hop, with the sources and quotes of every hop. Last, for
//   graph use: the keys of the hop's two ends and its claim id.
// param a (entity, required): where the chain starts (key, name or alias)
// param b (entity, required): where it ends (key, name or alias)
// param max_hops (integer, default 6): the longest chain to report (at most 6)
MATCH (x:Entity {key: $a}), (y:Entity {key: $b})
WHERE x <> y
MATCH p = allShortestPaths((x)-[*..6]-(y))
WHERE all(n IN nodes(p) WHERE n:Entity) AND length(p) <= $max_hops
WITH p ORDER BY [n IN nodes(p) | n.key]
WITH collect(p) AS paths
UNWIND range(0, size(paths) - 1) AS i
WITH i + 1 AS chain, paths[i] AS p
UNWIND range(0, length(p) - 1) AS hop
WITH chain, hop, nodes(p)[hop] AS here, relationships(p)[hop] AS r
RETURN chain, hop + 1 AS hop, startNode(r).name AS subject, type(r) AS relationship,
       endNode(r).name AS object,
       COLLECT {
         MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)
         RETURN e.source + ': ' + e.quote AS evidence ORDER BY evidence
       } AS evidence,
       startNode(r).key AS subject_key, endNode(r).key AS object_key, r.claim_id AS claim_id
ORDER BY chain, hop
