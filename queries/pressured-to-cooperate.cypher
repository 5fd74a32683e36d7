// title: People pressured to cooperate
// description: Everyone named as the target of pressure to cooperate (an Event of kind
//   pressure_to_cooperate), who is said to have applied it, and the source, quote and date
//   of each claim. Last, for graph use: the keys of the person, the event and those said to
//   have applied it, and the ids of the target's and the perpetrators' claims.
// param agency (entity Organisation, default null): only pressure applied by this organisation (key, name or alias); all when not given
MATCH (p:Person)-[r:PARTICIPANT_IN {role: 'target'}]->(ev:Event {kind: 'pressure_to_cooperate'})
OPTIONAL MATCH (perp:Entity)-[pr:PARTICIPANT_IN {role: 'perpetrator'}]->(ev)
WITH p, r, ev, collect(DISTINCT perp) AS perps, collect(DISTINCT pr.claim_id) AS perp_claims
WHERE $agency IS NULL OR any(x IN perps WHERE x.key = $agency)
MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)-[:CITES]->(src:Source)
RETURN p.name AS person, ev.name AS event, [x IN perps | x.name] AS applied_by,
       coalesce(e.date, r.date, ev.date) AS date, src.title AS source, src.url AS url, e.quote AS quote,
       p.key AS person_key, ev.key AS event_key, [x IN perps | x.key] AS applied_by_keys,
       [r.claim_id] + perp_claims AS claim_ids
ORDER BY person, event, source
