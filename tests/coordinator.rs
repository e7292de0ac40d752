//! The persistence coordinator against a store shared by two or three tabs whose every read
//! and write is interleaved by a seeded schedule (one thread per tab, released one storage
//! operation at a time), in two models of the browser's storage:
//! - one map every tab reads at once (a write is seen by the next read of any tab). There,
//!   with the Web Lock around each save, storage holds every review and reset mark of every
//!   tab as soon as all tabs have saved, even if they close right after; without the lock, once
//!   every tab has heard the others' writes (storage events) and done what the coordinator
//!   asked, storage again holds all of it;
//! - a copy per tab, as Chromium keeps one per process: a tab reads its own copy, which
//!   another tab's write reaches later (with its storage event), at a moment the schedule
//!   picks. The lock then does not make a save see the save before it, and a tab that closes
//!   before hearing can leave storage without its reviews; the property is the second one:
//!   once every write has reached every tab and every tab has done what the coordinator asked,
//!   the storage holds every tab's reviews and reset marks, with the lock or without.

#![cfg(not(target_arch = "wasm32"))]

use interview_cards::core::persist::{Persistence, Unsaved};
use interview_cards::core::progress::{covers, merge_into, parse_progress, Progress};
use interview_cards::core::schedule::{Rating, Scheduler};
use interview_cards::core::store::{
    open_progress, progress_key, recent_key, save_progress, MemoryStore, Store, StoreError,
};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

const DECK: &str = "d";

#[derive(Clone, Copy, Debug, PartialEq)]
enum Wait {
    /// Running between storage operations.
    Busy,
    /// Blocked at a storage operation (or at the lock) until the schedule picks it.
    Op {
        lock: bool,
    },
    /// Nothing to do until another tab's write arrives as a storage event.
    Idle,
    Done,
}

/// A write: the key, the value (`None`: removed) and its place in the order of all writes.
type Write = (String, Option<String>, u64);

/// A tab's copy of the storage: each key's value and the place of the write it holds.
type TabCopy = BTreeMap<String, (Option<String>, u64)>;

struct World {
    /// The storage itself: every write lands here at once, in one order.
    items: BTreeMap<String, String>,
    /// With late reads, what each tab reads: its own writes at once, other tabs' when they
    /// reach it; each key with the order of the write it holds.
    copies: Option<Vec<TabCopy>>,
    /// Writes on their way to each tab (late reads only), oldest first.
    on_the_way: Vec<Vec<Write>>,
    writes: u64,
    wait: Vec<Wait>,
    go: Option<Go>,
    lock_holder: Option<usize>,
    inbox: Vec<Vec<(String, Option<String>)>>,
    stop: bool,
}

/// What the schedule lets happen next: a tab's storage operation, or the oldest write on its
/// way to a tab reaching it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Go {
    Op(usize),
    Arrive(usize),
}

type Shared = Arc<(Mutex<World>, Condvar)>;

/// One tab's view of the shared storage: each operation waits for its turn in the schedule.
struct TabStore {
    tab: usize,
    shared: Shared,
}

impl TabStore {
    fn turn(&self, lock: bool) -> std::sync::MutexGuard<'_, World> {
        let (mutex, cv) = &*self.shared;
        let mut w = mutex.lock().unwrap();
        w.wait[self.tab] = Wait::Op { lock };
        cv.notify_all();
        while w.go != Some(Go::Op(self.tab)) {
            w = cv.wait(w).unwrap();
        }
        w.go = None;
        w.wait[self.tab] = Wait::Busy;
        if lock {
            w.lock_holder = Some(self.tab);
        }
        cv.notify_all();
        w
    }

    fn unlock(&self) {
        let (mutex, cv) = &*self.shared;
        mutex.lock().unwrap().lock_holder = None;
        cv.notify_all();
    }

    /// A write by `from`: into the storage, into its own copy at once, and on its way to the
    /// other tabs (with its storage event), or there at once in the one-map model.
    fn write(w: &mut World, from: usize, key: &str, value: Option<String>) {
        match &value {
            Some(v) => w.items.insert(key.to_string(), v.clone()),
            None => w.items.remove(key),
        };
        w.writes += 1;
        let order = w.writes;
        if let Some(copies) = &mut w.copies {
            copies[from].insert(key.to_string(), (value.clone(), order));
            for (tab, way) in w.on_the_way.iter_mut().enumerate() {
                if tab != from {
                    way.push((key.to_string(), value.clone(), order));
                }
            }
        } else {
            for (tab, inbox) in w.inbox.iter_mut().enumerate() {
                if tab != from {
                    inbox.push((key.to_string(), value.clone()));
                }
            }
        }
    }

    /// The oldest write on its way to `tab` reaches it: its copy takes it unless it holds a
    /// later write of that key already (its own), and its storage event fires.
    fn arrive(w: &mut World, tab: usize) {
        let (key, value, order) = w.on_the_way[tab].remove(0);
        if let Some(copies) = &mut w.copies {
            let held = copies[tab].get(&key).map_or(0, |(_, o)| *o);
            if order > held {
                copies[tab].insert(key.clone(), (value.clone(), order));
            }
        }
        w.inbox[tab].push((key, value));
    }

    fn read(w: &World, tab: usize, key: &str) -> Option<String> {
        match &w.copies {
            Some(copies) => copies[tab].get(key).and_then(|(value, _)| value.clone()),
            None => w.items.get(key).cloned(),
        }
    }

    /// The next storage event for this tab, waiting for one while idle; `None` when stopped.
    fn next_event(&self) -> Option<(String, Option<String>)> {
        let (mutex, cv) = &*self.shared;
        let mut w = mutex.lock().unwrap();
        loop {
            if !w.inbox[self.tab].is_empty() {
                w.wait[self.tab] = Wait::Busy;
                cv.notify_all();
                return Some(w.inbox[self.tab].remove(0));
            }
            if w.stop {
                return None;
            }
            w.wait[self.tab] = Wait::Idle;
            cv.notify_all();
            w = cv.wait(w).unwrap();
        }
    }
}

impl Store for TabStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let w = self.turn(false);
        Ok(Self::read(&w, self.tab, key))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut w = self.turn(false);
        Self::write(&mut w, self.tab, key, Some(value.to_string()));
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        let mut w = self.turn(false);
        Self::write(&mut w, self.tab, key, None);
        Ok(())
    }
}

#[derive(Clone, Copy, Debug)]
enum Step {
    Grade { card: u8, rating: u8 },
    Reset,
}

fn rating(n: u8) -> Rating {
    [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy][usize::from(n % 4)]
}

/// One tab: open, then grade or reset and save after each step; then handle storage events
/// as the app does (in the one-map model only without locks: there the locked property holds
/// with no tab listening). Returns everything the tab ever held, as JSON.
fn run_tab(store: TabStore, steps: Vec<Step>, locked: bool, listens: bool) -> String {
    let key = progress_key(None, DECK);
    let mut progress = Rc::new(open_progress(&store, &key, DECK, 0.0).progress);
    let mut coordinator = Persistence::new(&key, DECK);
    let scheduler = Scheduler::default();
    let save = |coordinator: &mut Persistence, progress: &mut Rc<Progress>| {
        if locked {
            drop(store.turn(true));
        }
        let outcome = coordinator.save(&store, progress, 1e12);
        if locked {
            store.unlock();
        }
        if let Some(other) = outcome.adopt {
            merge_into(Rc::make_mut(progress), &other);
        }
        outcome.save_again
    };
    for (n, step) in steps.iter().enumerate() {
        let at = 1e12 + (n as f64) * 1e5 + store.tab as f64;
        let mut changes = Unsaved::default();
        match *step {
            Step::Grade { card, rating: r } => {
                let id = format!("c{card}");
                Rc::make_mut(&mut progress).record(&id, rating(r), at, &scheduler);
                changes.cards.insert(id);
            }
            Step::Reset => {
                Rc::make_mut(&mut progress).reset(at);
                changes.all = true;
            }
        }
        coordinator.note(changes);
        while save(&mut coordinator, &mut progress) {}
    }
    if listens {
        while let Some((changed, value)) = store.next_event() {
            let outcome = coordinator.heard(&store, &changed, value.as_deref());
            if let Some(other) = outcome.adopt {
                merge_into(Rc::make_mut(&mut progress), &other);
            }
            if outcome.save_again {
                while save(&mut coordinator, &mut progress) {}
            }
        }
    }
    let (mutex, cv) = &*store.shared;
    mutex.lock().unwrap().wait[store.tab] = Wait::Done;
    cv.notify_all();
    progress.to_json()
}

/// The storage model.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Model {
    /// One map: a write is seen by the next read of any tab.
    OneMap,
    /// A copy per tab: another tab's write reaches it when the schedule says.
    LateReads,
}

/// Runs the tabs under `schedule` (which ready tab takes the next storage operation, or which
/// write on its way arrives); returns what storage ends with (the progress key merged with its
/// recent value) and each tab's progress.
fn run(
    plans: Vec<Vec<Step>>,
    schedule: &[usize],
    locked: bool,
    base: Option<&Progress>,
) -> (Progress, Vec<Progress>) {
    run_in(Model::OneMap, plans, schedule, locked, base)
}

fn run_in(
    model: Model,
    plans: Vec<Vec<Step>>,
    schedule: &[usize],
    locked: bool,
    base: Option<&Progress>,
) -> (Progress, Vec<Progress>) {
    let tabs = plans.len();
    let mut items = BTreeMap::new();
    if let Some(base) = base {
        let seed = MemoryStore::default();
        save_progress(&seed, &progress_key(None, DECK), base, 0.0, None).unwrap();
        let key = progress_key(None, DECK);
        items.insert(key.clone(), seed.get(&key).unwrap().unwrap());
    }
    let shared: Shared = Arc::new((
        Mutex::new(World {
            // Each tab's copy starts as what storage held when the tabs opened.
            copies: (model == Model::LateReads).then(|| {
                let held = items.iter().map(|(k, v)| (k.clone(), (Some(v.clone()), 0)));
                vec![held.collect(); tabs]
            }),
            items,
            on_the_way: vec![Vec::new(); tabs],
            writes: 0,
            wait: vec![Wait::Busy; tabs],
            go: None,
            lock_holder: None,
            inbox: vec![Vec::new(); tabs],
            stop: false,
        }),
        Condvar::new(),
    ));
    let handles: Vec<_> = plans
        .into_iter()
        .enumerate()
        .map(|(tab, steps)| {
            let store = TabStore {
                tab,
                shared: shared.clone(),
            };
            let listens = !locked || model == Model::LateReads;
            thread::spawn(move || run_tab(store, steps, locked, listens))
        })
        .collect();
    let (mutex, cv) = &*shared;
    let mut turn = 0;
    loop {
        let mut w = mutex.lock().unwrap();
        // Wait until every tab stands still: at an operation, idle with nothing to hear, or done.
        loop {
            let still = (0..tabs).all(|t| match w.wait[t] {
                Wait::Op { .. } | Wait::Done => true,
                Wait::Idle => w.inbox[t].is_empty(),
                Wait::Busy => false,
            });
            if still && w.go.is_none() {
                break;
            }
            w = cv.wait(w).unwrap();
        }
        let ready: Vec<Go> = (0..tabs)
            .filter(|&t| match w.wait[t] {
                Wait::Op { lock: true } => w.lock_holder.is_none(),
                Wait::Op { lock: false } => true,
                _ => false,
            })
            .map(Go::Op)
            .chain(
                (0..tabs)
                    .filter(|&t| !w.on_the_way[t].is_empty())
                    .map(Go::Arrive),
            )
            .collect();
        if ready.is_empty() {
            assert!(
                (0..tabs).all(|t| matches!(w.wait[t], Wait::Idle | Wait::Done)),
                "deadlock"
            );
            w.stop = true;
            cv.notify_all();
            break;
        }
        let pick = ready[schedule[turn % schedule.len()] % ready.len()];
        turn += 1;
        assert!(turn < 100_000, "no end in sight");
        match pick {
            Go::Arrive(tab) => TabStore::arrive(&mut w, tab),
            Go::Op(_) => w.go = Some(pick),
        }
        cv.notify_all();
    }
    let finals: Vec<Progress> = handles
        .into_iter()
        .map(|h| parse_progress(&h.join().expect("tab thread"), DECK).unwrap())
        .collect();
    let w = mutex.lock().unwrap();
    let key = progress_key(None, DECK);
    let mut stored = Progress::new(DECK);
    for k in [key.clone(), recent_key(&key)] {
        if let Some(raw) = w.items.get(&k) {
            merge_into(&mut stored, &parse_progress(raw, DECK).unwrap());
        }
    }
    (stored, finals)
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        9 => (0u8..6, 0u8..4).prop_map(|(card, rating)| Step::Grade { card, rating }),
        1 => Just(Step::Reset),
    ]
}

fn plans(tabs: usize) -> impl Strategy<Value = Vec<Vec<Step>>> {
    prop::collection::vec(prop::collection::vec(step(), 1..5), tabs)
}

/// Progress big enough that saves write only the changed cards (the recent-changes value).
fn large() -> Progress {
    let mut p = Progress::new(DECK);
    let scheduler = Scheduler::default();
    for i in 0..1100 {
        p.record(
            &format!("big{i}"),
            Rating::Good,
            1.0 + f64::from(i),
            &scheduler,
        );
    }
    p
}

fn assert_all_kept(stored: &Progress, finals: &[Progress]) -> Result<(), TestCaseError> {
    for (tab, progress) in finals.iter().enumerate() {
        prop_assert!(
            covers(stored, progress),
            "storage lost something tab {} held",
            tab
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn locked_saves_of_two_and_three_tabs_lose_nothing(
        two in plans(2), three in plans(3),
        schedule in prop::collection::vec(0usize..3, 1..64),
    ) {
        let (stored, finals) = run(two, &schedule, true, None);
        assert_all_kept(&stored, &finals)?;
        let (stored, finals) = run(three, &schedule, true, None);
        assert_all_kept(&stored, &finals)?;
    }

    #[test]
    fn unlocked_tabs_repair_crossed_writes_once_they_hear_them(
        two in plans(2), three in plans(3),
        schedule in prop::collection::vec(0usize..3, 1..64),
    ) {
        let (stored, finals) = run(two, &schedule, false, None);
        assert_all_kept(&stored, &finals)?;
        let (stored, finals) = run(three, &schedule, false, None);
        assert_all_kept(&stored, &finals)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Each tab reads its own copy, which other tabs' writes reach late (at moments the
    /// schedule picks): with the lock or without, once every write has reached every tab and
    /// each did what the coordinator asked, storage holds every tab's reviews and marks.
    #[test]
    fn tabs_that_see_each_others_writes_late_lose_nothing_once_they_have_heard_them(
        two in plans(2), three in plans(3),
        schedule in prop::collection::vec(0usize..5, 1..64),
        locked in any::<bool>(),
    ) {
        let (stored, finals) = run_in(Model::LateReads, two, &schedule, locked, None);
        assert_all_kept(&stored, &finals)?;
        let (stored, finals) = run_in(Model::LateReads, three, &schedule, locked, None);
        assert_all_kept(&stored, &finals)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn large_progress_saved_as_recent_changes_loses_nothing_either(
        plans in plans(3),
        schedule in prop::collection::vec(0usize..3, 1..64),
        locked in any::<bool>(),
    ) {
        let (stored, finals) = run(plans, &schedule, locked, Some(&large()));
        assert_all_kept(&stored, &finals)?;
    }
}

/// The defect the coordinator fixes, without any schedule: another tab's write drops this
/// tab's review from the progress key; hearing it, this tab saves again.
#[test]
fn a_write_that_drops_this_tabs_review_is_repaired() {
    let store = MemoryStore::default();
    let key = progress_key(None, DECK);
    let mut mine = Rc::new(Progress::new(DECK));
    Rc::make_mut(&mut mine).record("c1", Rating::Good, 10.0, &Scheduler::default());
    let mut coordinator = Persistence::new(&key, DECK);
    coordinator.note(Unsaved {
        cards: ["c1".to_string()].into(),
        all: false,
    });
    coordinator.save(&store, &mine, 20.0);
    // The other tab read before that save and writes its own review over it.
    let mut theirs = Progress::new(DECK);
    theirs.record("c2", Rating::Hard, 15.0, &Scheduler::default());
    store.set(&key, &theirs.to_json()).unwrap();
    let outcome = coordinator.heard(&store, &key, Some(&theirs.to_json()));
    assert!(outcome.save_again, "the loss goes unnoticed");
    assert_eq!(outcome.adopt.as_ref(), Some(&theirs));
    merge_into(Rc::make_mut(&mut mine), &theirs);
    coordinator.save(&store, &mine, 30.0);
    let stored = parse_progress(&store.get(&key).unwrap().unwrap(), DECK).unwrap();
    assert!(covers(&stored, &mine));
    // A write that keeps everything asks for nothing.
    let outcome = coordinator.heard(&store, &key, Some(&stored.to_json()));
    assert!(!outcome.save_again);
}

/// What a tab reads is its own copy of the storage; what it writes goes to the storage and to
/// its copy (another tab's copy gets it later: `arrive`).
struct LateCopy<'a> {
    storage: &'a MemoryStore,
    copy: MemoryStore,
}

impl Store for LateCopy<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.copy.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set(key, value)?;
        self.copy.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove(key)?;
        self.copy.remove(key)
    }
}

/// The case the one-map model cannot show: tab B takes the lock after tab A's save, but its
/// copy has not received A's write yet, so B's save (read → merge → write, under the lock)
/// leaves storage without A's review. The lock alone does not prevent it; hearing A's write
/// (its storage event, which arrives with it) makes B save everything again, so storage holds
/// both once B has heard. (Had B closed before hearing it, A would repair it on hearing B's.)
#[test]
fn a_save_that_reads_another_tabs_write_late_is_repaired_when_it_arrives() {
    let storage = MemoryStore::default();
    let key = progress_key(None, DECK);
    let (a_copy, b_copy) = (
        LateCopy {
            storage: &storage,
            copy: MemoryStore::default(),
        },
        LateCopy {
            storage: &storage,
            copy: MemoryStore::default(),
        },
    );
    let scheduler = Scheduler::default();
    let grade = |id: &str, at: f64| {
        let mut p = Rc::new(Progress::new(DECK));
        Rc::make_mut(&mut p).record(id, Rating::Good, at, &scheduler);
        p
    };
    let changed = |id: &str| Unsaved {
        cards: [id.to_string()].into(),
        all: false,
    };
    let mut a = Persistence::new(&key, DECK);
    let a_progress = grade("c1", 10.0);
    a.note(changed("c1"));
    a.save(&a_copy, &a_progress, 11.0);
    // B holds the lock now; A's write is still on its way to B's copy.
    let mut b = Persistence::new(&key, DECK);
    let mut b_progress = grade("c2", 12.0);
    b.note(changed("c2"));
    b.save(&b_copy, &b_progress, 13.0);
    let stored = |s: &MemoryStore| parse_progress(&s.get(&key).unwrap().unwrap(), DECK).unwrap();
    assert!(
        !covers(&stored(&storage), &a_progress),
        "storage lost A's review: the lock did not make B read it"
    );
    // A's write reaches B (B's copy keeps its own later write of the key), with its event.
    let heard = b.heard(&b_copy, &key, Some(&a_progress.to_json()));
    assert!(heard.save_again);
    merge_into(Rc::make_mut(&mut b_progress), &heard.adopt.unwrap());
    b.save(&b_copy, &b_progress, 14.0);
    assert!(covers(&stored(&storage), &a_progress));
    assert!(covers(&stored(&storage), &b_progress));
}
