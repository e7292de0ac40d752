//! Session moves, the reducer, and progress kept through a store — all on the host.

use interview_cards::app::state::{Action, Mode, Preset, State};
use interview_cards::core::deck::parse_deck;
use interview_cards::core::progress::{parse_progress, Progress, ProgressError, PROGRESS_FORMAT};
use interview_cards::core::session::Session;
use interview_cards::core::store::*;
use interview_cards::words::notice_message;
use std::rc::Rc;

fn deck(n: usize) -> Rc<interview_cards::core::deck::Deck> {
    let cards: Vec<String> = (1..=n)
        .map(|i| {
            format!(r#"{{"id":"c{i}","topic":"t","difficulty":"easy","question":"Q{i}","answer":"A{i}"}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"format":1,"id":"d","title":"D","topics":[{{"id":"t","name":"T"}}],"cards":[{}]}}"#,
        cards.join(",")
    );
    Rc::new(parse_deck(&json).expect("valid"))
}

#[test]
fn session_flips_and_wraps() {
    let mut s = Session::new(vec![4, 7, 9], 0);
    assert_eq!(s.current(), Some(4));
    s.flip();
    assert!(s.is_flipped());
    s.next();
    assert!(!s.is_flipped(), "a new card shows its front");
    assert_eq!(s.current(), Some(7));
    s.next();
    s.next();
    assert_eq!(s.current(), Some(4), "wraps after the last card");
    s.previous();
    assert_eq!(s.current(), Some(9), "wraps before the first card");
}

#[test]
fn empty_session_does_nothing() {
    let mut s = Session::new(vec![], 3);
    s.flip();
    s.next();
    assert_eq!(s.current(), None);
    assert!(!s.is_flipped());
}

#[test]
fn reducer_marks_cards_seen_and_bumps_revision() {
    let store = MemoryStore::default();
    let opened = open_progress(&store, &progress_key(None, "d"), "d", 1.0);
    let state = State::new(deck(3), opened, Preset::default(), 10.0);
    assert!(state.progress.is_seen("c1"));
    assert_eq!(state.revision, 1);
    let state = state.apply(Action::Flip);
    assert!(state.session.is_flipped());
    assert_eq!(state.revision, 1, "flipping does not change progress");
    let state = state.apply(Action::Next { now_ms: 20.0 });
    assert_eq!(state.current_card().map(|c| c.id.as_str()), Some("c2"));
    assert!(!state.session.is_flipped());
    assert_eq!(state.progress.cards["c2"].last_seen, 20.0);
    assert_eq!(state.revision, 2);
}

#[test]
fn reducer_lists_the_cards_to_save_and_asks_for_everything_after_an_import() {
    let store = MemoryStore::default();
    let opened = open_progress(&store, &progress_key(None, "d"), "d", 1.0);
    let state = State::new(deck(3), opened, Preset::default(), 10.0);
    let listed = |s: &State| s.unsaved.borrow().cards.iter().cloned().collect::<Vec<_>>();
    assert_eq!(listed(&state), ["c1"]);
    state.unsaved.borrow_mut().cards.clear(); // as the save does
    let state = state
        .apply(Action::Next { now_ms: 20.0 })
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: interview_cards::core::schedule::Rating::Good,
            now_ms: 30.0,
        });
    assert_eq!(
        listed(&state),
        ["c2", "c3"],
        "seen c2, graded c2, then moved on to c3"
    );
    assert!(!state.unsaved.borrow().all);
    let mut incoming = Progress::new("d");
    incoming.mark_seen("c3", 5.0);
    let state = state
        .apply(Action::ImportRead {
            result: Ok(incoming),
            now_ms: 40.0,
        })
        .apply(Action::ConfirmImport {
            keep_resets: true,
            now_ms: 40.0,
        });
    assert!(state.unsaved.borrow().all);
}

#[test]
fn progress_survives_a_reload_and_resumes_at_the_first_unseen_card() {
    // Browsing (Practice all) resumes where the learner left off; a study session has its
    // own order.
    let browse = || Preset {
        mode: Some(Mode::All),
        ..Preset::default()
    };
    let store = MemoryStore::default();
    let state = State::new(
        deck(3),
        open_progress(&store, &progress_key(None, "d"), "d", 0.0),
        browse(),
        1.0,
    )
    .apply(Action::Next { now_ms: 2.0 });
    save_progress(&store, &progress_key(None, "d"), &state.progress, 5.0, None).expect("saved");

    let reloaded = State::new(
        deck(3),
        open_progress(&store, &progress_key(None, "d"), "d", 3.0),
        browse(),
        4.0,
    );
    assert!(reloaded.progress.is_seen("c1") && reloaded.progress.is_seen("c2"));
    assert_eq!(reloaded.current_card().map(|c| c.id.as_str()), Some("c3"));
    assert_eq!(reloaded.progress.cards["c1"].views, 1);
}

#[test]
fn progress_round_trips() {
    let mut p = Progress::new("d");
    p.mark_seen("a", 5.0);
    p.mark_seen("a", 3.0);
    let back = parse_progress(&p.to_json(), "d").expect("parses");
    assert_eq!(back, p);
    assert_eq!(back.cards["a"].last_seen, 5.0, "last_seen never goes back");
    assert_eq!(back.cards["a"].views, 2);
}

#[test]
fn unreadable_progress_is_copied_aside_not_lost() {
    let store = MemoryStore::default();
    store.set(&progress_key(None, "d"), "{not json").unwrap();
    let opened = open_progress(&store, &progress_key(None, "d"), "d", 1234.0);
    assert!(opened.writable);
    assert_eq!(opened.progress.seen_count(), 0);
    let backup = backup_key(&progress_key(None, "d"), 1234.0);
    assert_eq!(store.get(&backup).unwrap().as_deref(), Some("{not json"));
    match opened.notice {
        Some(Notice::Unreadable {
            backup_key: Some(key),
            original,
            ..
        }) => {
            assert_eq!(key, backup);
            assert_eq!(original, "{not json");
        }
        other => panic!("unexpected notice {other:?}"),
    }
}

#[test]
fn progress_from_a_newer_version_is_never_overwritten() {
    let store = MemoryStore::default();
    let future = format!(
        r#"{{"format":{},"deck":"d","cards":{{}},"new":"thing"}}"#,
        PROGRESS_FORMAT + 1
    );
    store.set(&progress_key(None, "d"), &future).unwrap();
    let opened = open_progress(&store, &progress_key(None, "d"), "d", 0.0);
    assert!(!opened.writable);
    assert!(matches!(opened.notice, Some(Notice::ReadOnly { .. })));
    assert_eq!(
        parse_progress(&future, "d").unwrap_err(),
        ProgressError::FromTheFuture {
            found: u64::from(PROGRESS_FORMAT) + 1
        }
    );
    assert_eq!(store.get(&progress_key(None, "d")).unwrap(), Some(future));
}

struct BrokenStore(StoreError);

impl Store for BrokenStore {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Err(self.0.clone())
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(self.0.clone())
    }
    fn remove(&self, _: &str) -> Result<(), StoreError> {
        Err(self.0.clone())
    }
}

#[test]
fn storage_that_throws_leaves_a_working_in_memory_session() {
    let store = BrokenStore(StoreError::Unavailable("SecurityError".into()));
    let opened = open_progress(&store, &progress_key(None, "d"), "d", 0.0);
    assert!(!opened.writable);
    let notice = opened.notice.clone().expect("a notice");
    assert!(notice_message(&notice).contains("will not be kept"));
    let state =
        State::new(deck(2), opened, Preset::default(), 1.0).apply(Action::Next { now_ms: 2.0 });
    assert_eq!(state.progress.seen_count(), 2);
}

#[test]
fn a_full_store_reports_instead_of_failing_silently() {
    let store = BrokenStore(StoreError::QuotaExceeded);
    let err = save_progress(
        &store,
        &progress_key(None, "d"),
        &Progress::new("d"),
        0.0,
        None,
    )
    .unwrap_err();
    assert!(notice_message(&err).contains("storage is full"));
}

#[test]
fn instances_and_decks_never_share_a_key() {
    let keys = [
        progress_key(None, "d"),
        progress_key(None, "e"),
        progress_key(Some("blog-1"), "d"),
        progress_key(Some("blog-2"), "d"),
    ];
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(keys[0], "interview-cards:d:progress");
    assert_eq!(keys[2], "interview-cards:blog-1:d:progress");

    let store = MemoryStore::default();
    let mut p = Progress::new("d");
    p.mark_seen("c1", 1.0);
    save_progress(&store, &keys[2], &p, 2.0, None).unwrap();
    assert_eq!(
        open_progress(&store, &keys[3], "d", 3.0)
            .progress
            .seen_count(),
        0
    );
    assert_eq!(
        open_progress(&store, &keys[2], "d", 3.0)
            .progress
            .seen_count(),
        1
    );
}

#[test]
fn a_save_merges_what_another_tab_wrote_even_when_it_knows_its_last_write() {
    let store = MemoryStore::default();
    let key = progress_key(None, "d");
    let mut mine = Progress::new("d");
    mine.mark_seen("c1", 1.0);
    let first = save_progress(&store, &key, &mine, 2.0, None).unwrap();
    assert_eq!(
        store.get(&key).unwrap().as_deref().map(Fingerprint::of),
        first.written
    );

    // Nobody else wrote: nothing to merge.
    mine.mark_seen("c2", 3.0);
    let second = save_progress(&store, &key, &mine, 4.0, first.written).unwrap();
    assert_eq!(second.merged, None);

    // Another tab writes c3; our next save (knowing only our own last write) keeps it.
    let mut theirs = parse_progress(&store.get(&key).unwrap().unwrap(), "d").unwrap();
    theirs.mark_seen("c3", 5.0);
    store.set(&key, &theirs.to_json()).unwrap();
    mine.mark_seen("c4", 6.0);
    let third = save_progress(&store, &key, &mine, 7.0, second.written).unwrap();
    let stored = parse_progress(&store.get(&key).unwrap().unwrap(), "d").unwrap();
    for id in ["c1", "c2", "c3", "c4"] {
        assert!(stored.is_seen(id), "{id} lost");
    }
    assert!(third.merged.is_some_and(|m| m.is_seen("c3")));
}

#[test]
fn the_seen_count_and_statuses_kept_by_the_reducer_always_equal_fresh_ones() {
    use interview_cards::core::schedule::Rating;
    let store = MemoryStore::default();
    let opened = open_progress(&store, &progress_key(None, "d"), "d", 1.0);
    let mut state = State::new(deck(4), opened, Preset::default(), 10.0);
    let recount = |s: &State| {
        s.deck
            .cards
            .iter()
            .filter(|c| s.progress.is_seen(&c.id))
            .count()
    };
    let mut other = Progress::new("d");
    other.mark_seen("c4", 15.0);
    other.record(
        "c4",
        Rating::Hard,
        15.0,
        &interview_cards::core::schedule::Scheduler::default(),
    );
    let actions = vec![
        Action::Next { now_ms: 20.0 },
        Action::Previous { now_ms: 30.0 },
        Action::Flip,
        Action::Grade {
            rating: Rating::Good,
            now_ms: 40.0,
        },
        Action::Reset { now_ms: 50.0 },
        Action::Next { now_ms: 60.0 },
        Action::UndoReset { now_ms: 70.0 },
        Action::Adopt {
            progress: other,
            now_ms: 75.0,
        },
        Action::Next { now_ms: 80.0 },
        Action::Next { now_ms: 90.0 },
    ];
    for action in actions {
        let label = format!("{action:?}");
        state = state.apply(action);
        assert_eq!(state.seen, recount(&state), "after {label}");
        for (i, card) in state.deck.cards.iter().enumerate() {
            let fresh = state.progress.status(&card.id, state.now_ms);
            assert_eq!(state.status_of(i), fresh, "{} after {label}", card.id);
        }
    }
    assert_eq!(state.seen, 4);
}

#[test]
fn a_deck_from_a_link_or_address_never_reads_or_writes_the_banks_progress_and_takes_its_own_plain_ids_once(
) {
    use interview_cards::core::deck::{Deck, Elsewhere};
    use interview_cards::core::save::open_deck_progress;
    let deck = |id: &str| -> Deck {
        parse_deck(&format!(
            r#"{{"format":1,"id":"{id}","title":"T","topics":[{{"id":"t","name":"T"}}],"cards":[{{"id":"c1","topic":"t","difficulty":"easy","question":"Q","answer":"A"}}]}}"#
        ))
        .unwrap()
    };
    let store = MemoryStore::default();
    let reviewed = |id: &str, at: f64| {
        let mut p = Progress::new(id);
        p.mark_seen("c1", at);
        p
    };
    for id in ["bank", "sql"] {
        save_progress(
            &store,
            &progress_key(None, id),
            &reviewed(id, 1.0),
            1.0,
            None,
        )
        .unwrap();
    }
    let before: Vec<_> = ["bank", "sql"]
        .iter()
        .map(|id| store.get(&progress_key(None, id)).unwrap())
        .collect();
    let open = |d: &Deck| open_deck_progress(&store, None, d, None, "bank", 5.0);

    // The bank's id from a link or an address: nothing of the bank's is read.
    for from in [Elsewhere::Link, Elsewhere::Address("/x/deck.json".into())] {
        let planted = deck("bank").from_elsewhere(from);
        let opened = open(&planted);
        assert_eq!(opened.progress.seen_count(), 0, "{}", planted.id);
        assert_eq!(opened.progress.deck, planted.id);
    }
    // Another id: what earlier builds kept under it is read in while its own key is empty...
    let linked = deck("sql").from_elsewhere(Elsewhere::Link);
    assert_eq!(open(&linked).progress.seen_count(), 1);
    // ...and no longer once it holds its own (a reset there stays a reset).
    let key = progress_key(None, &linked.id);
    save_progress(&store, &key, &Progress::new(&linked.id), 6.0, None).unwrap();
    assert_eq!(open(&linked).progress.seen_count(), 0);
    // A deck from another origin always had a key of its own.
    let foreign = deck("sql").from_elsewhere(Elsewhere::Origin("https://decks.test".into()));
    assert_eq!(open(&foreign).progress.seen_count(), 0);
    // Nothing was written under the plain ids.
    let after: Vec<_> = ["bank", "sql"]
        .iter()
        .map(|id| store.get(&progress_key(None, id)).unwrap())
        .collect();
    assert_eq!(before, after);
    // The deck this site vouches for reads its own key, as always.
    assert_eq!(open(&deck("bank")).progress.seen_count(), 1);
}
