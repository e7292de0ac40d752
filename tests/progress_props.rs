//! Property tests of saved progress: round trips, migration, merging and recovery never lose
//! a review.
#![cfg(not(target_arch = "wasm32"))]

use interview_cards::core::optimize::Fitted;
use interview_cards::core::progress::*;
use interview_cards::core::schedule::Scheduler;
use interview_cards::core::schedule::DEFAULT_WEIGHTS;
use interview_cards::core::schedule::{Memory, Phase, Rating};
use interview_cards::core::scorm::{self, Launch};
use interview_cards::core::store::{
    compact, open_progress, progress_key, recent_key, save_changes, save_progress, Fingerprint,
    MemoryStore, Store, KEEP_DAYS, KEEP_PER_CARD, RECENT_LIMIT, WHOLE_SAVE_LIMIT,
};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::rc::Rc;

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

fn memory() -> impl Strategy<Value = Memory> {
    (
        0.1f64..400.0,
        1.0f64..10.0,
        0u32..100,
        0u32..200,
        0u32..20,
        (0u32..5, prop::option::of(0u32..200), 0u8..3, 0u32..3),
    )
        .prop_map(
            |(stability, difficulty, due_day, last_day, reps, (lapses, set_day, phase, step))| {
                Memory {
                    stability,
                    difficulty,
                    due: f64::from(due_day) * 86_400_000.0,
                    last_review: f64::from(last_day) * 86_400_000.0,
                    reps,
                    lapses,
                    // Some memories were put back by an undo.
                    set_at: set_day.map_or(0.0, |d| f64::from(d) * 86_400_000.0),
                    // Some are in learning or relearning steps.
                    phase: [Phase::Review, Phase::Learning, Phase::Relearning][usize::from(phase)],
                    step: if phase == 0 { 0 } else { step },
                }
            },
        )
}

fn card() -> impl Strategy<Value = CardProgress> {
    (
        0u32..1_000_000,
        0u32..50,
        prop::option::of(memory()),
        prop::collection::vec((rating(), 0u32..5_000, any::<bool>()), 0..8),
    )
        .prop_map(|(seen, views, memory, log)| {
            let mut log: Vec<Review> = log
                .into_iter()
                .map(|(rating, minute, undone)| Review {
                    rating,
                    at: f64::from(minute) * 60_000.0,
                    undone,
                    practice: minute % 7 == 0,
                })
                .collect();
            // Logs are kept in time order without duplicates, as the app writes them.
            log.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.rating.cmp(&b.rating)));
            log.dedup_by(|x, y| x.at == y.at && x.rating == y.rating);
            // Some cards buried, some suspended or taken back (from the seen time, so the
            // merge laws meet every combination).
            CardProgress {
                last_seen: f64::from(seen),
                views,
                memory,
                log,
                buried_until: if seen % 3 == 0 { f64::from(seen) } else { 0.0 },
                suspended: (seen % 4 != 0).then(|| interview_cards::core::progress::Switch {
                    on: seen % 2 == 0,
                    at: f64::from(seen % 5),
                }),
            }
        })
}

fn progress() -> impl Strategy<Value = Progress> {
    (
        prop::collection::btree_map(
            prop::sample::select(vec!["a", "b", "c", "d", "e"]),
            card(),
            0..5,
        ),
        prop::collection::btree_map(
            0u32..5_000,
            (any::<bool>(), prop::option::of(0u32..5_000)),
            0..3,
        ),
        // Fitted weights: at one of a few instants (ties happen), fitted or the defaults.
        prop::option::of((0u32..4, prop::option::of(1u32..50))),
    )
        .prop_map(|(cards, resets, fitted)| Progress {
            format: PROGRESS_FORMAT,
            deck: "deck".into(),
            fitted: fitted.map(|(minute, scale)| Fitted {
                at: f64::from(minute) * 60_000.0,
                w: scale.map_or_else(Vec::new, |s| {
                    DEFAULT_WEIGHTS
                        .iter()
                        .map(|w| w * f64::from(s) / 10.0)
                        .collect()
                }),
                reviews: scale.unwrap_or(0) * 20,
                log_loss: scale.map(|s| (0.5, 0.5 - f64::from(s) / 1000.0)),
            }),
            cards: cards
                .into_iter()
                .map(|(k, v)| (Rc::from(k), Rc::new(v)))
                .collect(),
            // One mark per instant, oldest first, as the app keeps them.
            resets: resets
                .into_iter()
                .map(|(minute, (undone, settled))| ResetMark {
                    at: f64::from(minute) * 60_000.0,
                    undone,
                    settled: settled.map(|m| f64::from(m) * 60_000.0),
                })
                .collect(),
        })
}

fn all_reviews(p: &Progress) -> Vec<(String, Review)> {
    p.cards
        .iter()
        .flat_map(|(id, c)| c.log.iter().map(move |r| (id.to_string(), *r)))
        .collect()
}

proptest! {
    #[test]
    fn serialise_then_parse_round_trips(p in progress()) {
        prop_assert_eq!(parse_progress(&p.to_json(), "deck").unwrap(), p);
    }

    #[test]
    fn format_1_migrates_keeping_every_card(p in progress()) {
        // Format 1 had only last_seen and views per card.
        let v1: BTreeMap<&str, serde_json::Value> = p
            .cards
            .iter()
            .map(|(id, c)| (&**id, serde_json::json!({"last_seen": c.last_seen, "views": c.views})))
            .collect();
        let raw = serde_json::json!({"format": 1, "deck": "deck", "cards": v1}).to_string();
        let migrated = parse_progress(&raw, "deck").unwrap();
        prop_assert_eq!(migrated.format, PROGRESS_FORMAT);
        prop_assert_eq!(migrated.cards.len(), p.cards.len());
        for (id, c) in &p.cards {
            prop_assert_eq!(migrated.cards[id].last_seen, c.last_seen);
            prop_assert_eq!(migrated.cards[id].views, c.views);
        }
        // And a migrated copy merged with today's keeps every review of today's.
        let merged = merge(&migrated, &p);
        for r in all_reviews(&p) {
            prop_assert!(all_reviews(&merged).contains(&r));
        }
    }

    #[test]
    fn merge_is_commutative(a in progress(), b in progress()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in progress(), b in progress(), c in progress()) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn merge_keeps_the_latest_choice_of_weights(a in progress(), b in progress()) {
        let merged = merge(&a, &b);
        let latest = [&a.fitted, &b.fitted].into_iter().flatten().map(|f| f.at).fold(None, |m: Option<f64>, at| Some(m.map_or(at, |m| m.max(at))));
        prop_assert_eq!(merged.fitted.as_ref().map(|f| f.at), latest);
        if let Some(f) = &merged.fitted {
            prop_assert!(a.fitted.as_ref() == Some(f) || b.fitted.as_ref() == Some(f));
        }
    }

    #[test]
    fn merge_is_idempotent(a in progress(), b in progress()) {
        prop_assert_eq!(merge(&a, &a), a.clone());
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &b), ab.clone());
    }

    #[test]
    fn merge_never_drops_a_review_and_keeps_the_newest_memory(a in progress(), b in progress()) {
        let merged = merge(&a, &b);
        let reviews = all_reviews(&merged);
        let same = |x: &(String, Review), y: &(String, Review)| {
            x.0 == y.0 && x.1.at == y.1.at && x.1.rating == y.1.rating
        };
        for r in all_reviews(&a).into_iter().chain(all_reviews(&b)) {
            let kept = reviews.iter().find(|m| same(m, &r));
            prop_assert!(kept.is_some(), "lost {:?}", r);
            // Taken back on either side: taken back in the merge.
            prop_assert!(!r.1.undone || kept.is_some_and(|k| k.1.undone), "undo lost {:?}", r);
        }
        for (id, c) in &merged.cards {
            // The memory set last, by a review or by an undo putting an earlier one back.
            let set = |m: &Memory| m.last_review.max(m.set_at);
            let newest = [a.cards.get(id), b.cards.get(id)]
                .into_iter()
                .flatten()
                .filter_map(|c| c.memory)
                .map(|m| set(&m))
                .fold(f64::NEG_INFINITY, f64::max);
            if let Some(m) = c.memory {
                prop_assert_eq!(set(&m), newest);
            }
        }
    }

    #[test]
    fn covers_says_exactly_whether_a_merge_would_change_anything(a in progress(), b in progress()) {
        prop_assert_eq!(covers(&a, &b), merge(&a, &b) == a);
        prop_assert!(covers(&merge(&a, &b), &b));
    }

    #[test]
    fn compaction_keeps_recent_and_latest_reviews_and_every_memory(p in progress(), now_day in 0u32..10) {
        let now = f64::from(now_day) * 86_400_000.0;
        let mut compacted = p.clone();
        let dropped = compact(&mut compacted, now);
        prop_assert_eq!(all_reviews(&p).len() - all_reviews(&compacted).len(), dropped);
        for (id, c) in &p.cards {
            let kept = &compacted.cards[id];
            prop_assert_eq!(kept.memory, c.memory);
            for (i, r) in c.log.iter().enumerate() {
                let must_keep = i + KEEP_PER_CARD >= c.log.len() || r.at >= now - KEEP_DAYS * 86_400_000.0;
                if must_keep {
                    prop_assert!(kept.log.contains(r));
                }
            }
        }
    }

    /// A write cut short gives back only whole, true card entries, and never less of a reset
    /// than was written: a rescue holding any card holds every reset mark (a dropped mark
    /// would bring back what it hid).
    #[test]
    fn salvage_of_a_truncated_write_keeps_only_whole_true_entries_and_every_reset(p in progress(), cut in 0.0f64..1.0) {
        let json = p.to_json();
        let end = (json.len() as f64 * cut) as usize;
        let truncated = &json[..end];
        if let Some(rescued) = salvage(truncated, "deck") {
            for (id, c) in &rescued.progress.cards {
                prop_assert_eq!(Some(c), p.cards.get(id));
            }
            for mark in &rescued.progress.resets {
                prop_assert!(p.resets.contains(mark), "{:?} was never written", mark);
            }
            if !rescued.progress.cards.is_empty() {
                prop_assert_eq!(&rescued.progress.resets, &p.resets, "from {}", truncated);
                prop_assert_eq!(rescued.progress.reset_at(), p.reset_at());
            }
        }
    }
}

/// The package of a course platform for the generated progress's deck (cards a to e).
fn course() -> Launch {
    Launch {
        deck: "deck".into(),
        cards: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
        complete: "reviewed".into(),
        ..Launch::default()
    }
}

/// The same progress with its times moved off the whole minute (as the app's own are: epoch
/// milliseconds), every time moved as its minute says, so reviews stay in order and a memory's
/// last review stays its review's time.
fn off_the_minute(p: &Progress) -> Progress {
    let j = |t: f64| t + ((t / 60_000.0).floor() * 7_919.0 + 13.0).rem_euclid(60_000.0);
    let mut out = p.clone();
    for card in out.cards.values_mut() {
        let card = Rc::make_mut(card);
        card.last_seen = j(card.last_seen);
        for r in &mut card.log {
            r.at = j(r.at);
        }
        if let Some(m) = &mut card.memory {
            m.last_review = j(m.last_review);
            m.due = j(m.due);
            if m.set_at != 0.0 {
                m.set_at = j(m.set_at);
            }
        }
        if let Some(s) = &mut card.suspended {
            s.at = j(s.at);
        }
    }
    for mark in &mut out.resets {
        mark.at = j(mark.at);
        mark.settled = mark.settled.map(j);
    }
    out
}

/// `p`'s reviews since its reset, per card.
fn since_reset(p: &Progress, id: &str) -> Vec<Review> {
    let hidden = p.reset_at();
    p.cards.get(id).map_or_else(Vec::new, |c| {
        c.log.iter().filter(|r| r.at > hidden).copied().collect()
    })
}

proptest! {
    /// The platform's copy (SCORM suspend data) read back in the browser that made it changes
    /// nothing there: no review counted twice (issue 25), whatever the progress holds.
    #[test]
    fn suspend_data_read_back_where_it_was_made_changes_nothing(p in progress()) {
        for p in [p.clone(), off_the_minute(&p)] {
            let encoded = scorm::encode(&p, &course().cards);
            prop_assert!(encoded.text.len() <= scorm::ROOM);
            let back = scorm::restore(&encoded.text, &course(), &p).expect("reads its own");
            prop_assert!(covers(&p, &back), "{} added {:?}", encoded.text, back);
            prop_assert_eq!(merge(&p, &back), p.clone());
        }
    }

    /// Read back in a browser that kept nothing, it gives every review since the reset at its
    /// millisecond, the reset in force, each memory in force (rounded as documented) and each
    /// suspension.
    #[test]
    fn suspend_data_read_back_elsewhere_keeps_every_review_since_the_reset(p in progress()) {
        for p in [p.clone(), off_the_minute(&p)] {
            let encoded = scorm::encode(&p, &course().cards);
            prop_assert_eq!(encoded.dropped_reviews, 0);
            prop_assert_eq!(encoded.dropped_cards, 0);
            let back = scorm::restore(&encoded.text, &course(), &Progress::new("deck")).unwrap();
            prop_assert_eq!(back.reset_at(), p.reset_at());
            prop_assert_eq!(back.review_count(), p.review_count());
            for id in &course().cards {
                prop_assert_eq!(since_reset(&back, id), since_reset(&p, id));
                prop_assert_eq!(back.is_suspended(id), p.is_suspended(id));
                match (p.memory(id), back.memory(id)) {
                    (None, None) => {}
                    (Some(m), Some(b)) => {
                        prop_assert_eq!((b.last_review, b.set_at, b.reps, b.lapses, b.phase, b.step),
                            (m.last_review, m.set_at, m.reps, m.lapses, m.phase, m.step));
                        prop_assert!(b.stability <= m.stability && b.stability > m.stability * (1.0 - 1.0 / 128.0));
                        prop_assert!((b.difficulty - m.difficulty).abs() <= 1.0 / 910.0 + 1e-9);
                        let due = if m.due >= m.last_review { m.due } else { m.last_review };
                        prop_assert!(b.due >= due && b.due < due + 60_000.0);
                    }
                    (m, b) => prop_assert!(false, "{}: memory {:?} read back as {:?}", id, m, b),
                }
            }
        }
    }

    /// Another device synced this browser's progress (`a`) once and went on (`b`); its copy,
    /// through the platform, merges into this browser's without a review twice or lost, and
    /// reading it again changes nothing.
    #[test]
    fn suspend_data_of_another_device_merges_without_doubling(a in progress(), b in progress()) {
        for (a, b) in [(a.clone(), b.clone()), (off_the_minute(&a), off_the_minute(&b))] {
            let other = merge(&a, &b);
            let text = scorm::encode(&other, &course().cards).text;
            let merged = merge(&a, &scorm::restore(&text, &course(), &a).unwrap());
            prop_assert!(covers(&merged, &a));
            let union = all_reviews(&other);
            for r in all_reviews(&merged) {
                prop_assert!(union.iter().any(|u| u.0 == r.0 && u.1.at == r.1.at && u.1.rating == r.1.rating), "{:?} is not a review of either", r);
            }
            prop_assert!(merged.review_count() <= other.review_count());
            prop_assert_eq!(merge(&merged, &scorm::restore(&text, &course(), &merged).unwrap()), merged.clone());
        }
    }
}

/// Large progress (more than [`WHOLE_SAVE_LIMIT`]) on which `tab` grades nothing yet.
fn large_progress() -> Progress {
    let mut p = Progress::new("deck");
    for i in 0..=WHOLE_SAVE_LIMIT {
        p.mark_seen(&format!("old-{i}"), 1.0);
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Two tabs grading a large progress in turn, each saving only what it changed (now and
    /// then a whole save, as after an import): whatever the order, reopening finds every
    /// review of both, and the recent-changes value never outgrows its limit.
    #[test]
    fn saves_of_changes_from_two_tabs_never_lose_a_review(
        ops in prop::collection::vec((0usize..2, 0u32..100, rating(), prop::bool::weighted(0.05)), 1..160)
    ) {
        let scheduler = Scheduler::default();
        let store = MemoryStore::default();
        let key = progress_key(None, "deck");
        save_progress(&store, &key, &large_progress(), 0.0, None).unwrap();
        let mut tabs: Vec<Progress> = (0..2).map(|_| open_progress(&store, &key, "deck", 0.0).progress).collect();
        let mut known: Vec<Option<Fingerprint>> = vec![None, None];
        let mut graded = Vec::new();
        for (step, (tab, card, rating, whole)) in ops.into_iter().enumerate() {
            let now = 1_000.0 + step as f64 * 1_000.0;
            let id = format!("card-{card}");
            tabs[tab].record(&id, rating, now, &scheduler);
            graded.push((
                id.clone(),
                Review {
                    rating,
                    at: now,
                    undone: false,
                    practice: false,
                },
            ));
            let changed = BTreeSet::from([id]);
            let saved = if whole {
                save_progress(&store, &key, &tabs[tab], now, known[tab])
            } else {
                save_changes(&store, &key, &tabs[tab], &changed, now, known[tab])
            }.unwrap();
            if saved.written.is_some() {
                known[tab] = saved.written;
            }
            if let Some(merged) = saved.merged {
                tabs[tab] = merge(&tabs[tab], &merged);
            }
            if let Some(raw) = store.get(&recent_key(&key)).unwrap() {
                prop_assert!(parse_progress(&raw, "deck").unwrap().cards.len() <= RECENT_LIMIT);
            }
        }
        let reopened = open_progress(&store, &key, "deck", 1e9).progress;
        let reviews = all_reviews(&reopened);
        for r in &graded {
            prop_assert!(reviews.contains(r), "lost {:?}", r);
        }
        prop_assert_eq!(reopened.cards.len(), large_progress().cards.len() + graded.iter().map(|(id, _)| id).collect::<BTreeSet<_>>().len());
    }
}

#[test]
fn a_grade_on_large_progress_writes_only_the_changed_card() {
    let store = MemoryStore::default();
    let key = progress_key(None, "deck");
    let first = save_progress(&store, &key, &large_progress(), 0.0, None).unwrap();
    let main_before = store.get(&key).unwrap();
    assert_eq!(main_before.as_deref().map(Fingerprint::of), first.written);

    let mut p = large_progress();
    p.record("new-card", Rating::Good, 5_000.0, &Scheduler::default());
    let saved = save_changes(
        &store,
        &key,
        &p,
        &BTreeSet::from(["new-card".to_string()]),
        5_000.0,
        first.written,
    )
    .unwrap();
    assert_eq!(
        saved,
        Default::default(),
        "nothing rewritten whole, nothing to merge"
    );
    assert_eq!(
        store.get(&key).unwrap(),
        main_before,
        "the progress key is untouched"
    );
    let recent = parse_progress(&store.get(&recent_key(&key)).unwrap().unwrap(), "deck").unwrap();
    assert_eq!(
        recent.cards.keys().map(|k| &**k).collect::<Vec<_>>(),
        ["new-card"]
    );
    assert_eq!(open_progress(&store, &key, "deck", 6_000.0).progress, p);

    // A whole save folds the recent changes in and removes them.
    save_progress(&store, &key, &p, 7_000.0, None).unwrap();
    assert_eq!(store.get(&recent_key(&key)).unwrap(), None);
    assert_eq!(open_progress(&store, &key, "deck", 8_000.0).progress, p);
}

#[test]
fn reset_hides_progress_and_undo_brings_it_back_even_across_merges() {
    let scheduler = interview_cards::core::schedule::Scheduler::default();
    let mut p = Progress::new("deck");
    p.mark_seen("a", 1_000.0);
    p.record("a", Rating::Good, 2_000.0, &scheduler);
    let before = p.clone();
    p.reset(3_000.0);
    assert!(!p.is_seen("a"));
    assert!(p.memory("a").is_none());
    assert_eq!(p.review_count(), 0);
    // Another tab still holding the old copy cannot bring the reset data back.
    let merged = merge(&before, &p);
    assert_eq!(merged.review_count(), 0);
    // New work after the reset counts.
    let mut after = merged.clone();
    after.record("a", Rating::Easy, 4_000.0, &scheduler);
    assert_eq!(after.review_count(), 1);
    // Undo shows everything again, also after merging with the reset copy.
    assert!(after.undo_reset());
    let undone = merge(&p, &after);
    assert_eq!(undone.review_count(), 2);
    assert!(undone.is_seen("a"));
    assert!(!undone.clone().undo_reset(), "nothing left to undo");
}

#[test]
fn salvage_recovers_the_entries_written_before_the_cut() {
    let mut p = Progress::new("deck");
    for id in ["a", "b", "c"] {
        p.mark_seen(id, 1.0);
    }
    let json = p.to_json();
    let cut = json.find("\"c\"").unwrap() + 5;
    let rescued = salvage(&json[..cut], "deck").expect("something rescued");
    assert_eq!(
        rescued
            .progress
            .cards
            .keys()
            .map(|k| &**k)
            .collect::<Vec<_>>(),
        vec!["a", "b"]
    );
}

#[test]
fn salvage_keeps_good_entries_beside_bad_ones() {
    let raw = r#"{"format":2,"deck":"deck","cards":{"a":{"last_seen":1,"views":1},"b":{"views":"lots"},"c":7}}"#;
    assert!(parse_progress(raw, "deck").is_err());
    let rescued = salvage(raw, "deck").unwrap();
    assert_eq!(rescued.progress.cards.len(), 1);
    assert_eq!(rescued.lost_entries, 2);
    assert!(
        salvage(raw, "other-deck").is_none(),
        "never adopt another deck's data"
    );
    assert!(salvage("[1,2", "deck").is_none());
}
