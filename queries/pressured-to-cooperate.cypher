// title: People pressured to cooperate
// description: Everyone named as the target of pressure to cooperate (an Event of kind
//   pressure_to_cooperate), who is said to have applied it, and the source, quote and date
//   of each claim.
// param agency (entity Organisation, default null): only pressure applied by this organisation (key, name or alias); all when not given
MATCH (p:Person)-[r:PARTICIPANT_IN {role: 'target'}]->(ev:Event {kind: 'pressure_to_cooperate'})
OPTIONAL MATCH (perp:Entity)-[:PARTICIPANT_IN {role: 'perpetrator'}]->(ev)
WITH p, r, ev, collect(DISTINCT perp) AS perps
WHERE $agency IS NULL OR any(x IN perps WHERE x.key = $agency)
MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)-[:CITES]->(src:Source)
RETURN p.name AS person, ev.name AS event, [x IN perps | x.name] AS applied_by,
       coalesce(e.date, r.date, ev.date) AS date, src.title AS source, src.url AS url, e.quote AS quote
ORDER BY person, event, source
