// title: Find entities by name
// description: Entities whose name or any alias contains the text (any case), with their
//   key, label, aliases and how many sources mention them. As graph input: those entities
//   and the claims among them.
// param text (string, required): part of a name or alias, in any script
MATCH (n:Entity)
WHERE toLower(n.name) CONTAINS toLower($text)
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($text))
RETURN n.key AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
       n.aliases AS aliases, COUNT { (:Source)-[:MENTIONS]->(n) } AS sources
ORDER BY name
