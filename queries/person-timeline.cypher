// title: Timeline of a person
// description: The dated facts around a person in date order: the events they took part in
//   (with their role and the event's date), and their other dated relationships. Last, for
//   graph use: the keys of both ends and the claim id.
// param person (entity Person, required): the person (key, name or alias)
// param since (date, default null): only facts on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
// param until (date, default null): only facts on or before this date
MATCH (p:Entity {key: $person})-[r]-(other:Entity)
WITH p, r, other,
     coalesce(r.date, r.start, CASE WHEN other:Event THEN coalesce(other.date, other.start) END) AS date
WHERE date IS NOT NULL
  AND ($since IS NULL OR date >= $since)
  AND ($until IS NULL OR left(date, size($until)) <= $until)
RETURN date, startNode(r).name AS subject, type(r) AS relationship, r.role AS role,
       endNode(r).name AS object, r.end AS until, r.sources AS sources,
       startNode(r).key AS subject_key, endNode(r).key AS object_key, r.claim_id AS claim_id
ORDER BY date, relationship, object
