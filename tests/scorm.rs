//! The course platform's copy of progress (`core::scorm`): the encoding within SCORM 1.2's
//! limit, reading it back in the browser that made it and in one that kept nothing, the first
//! encoding (`ic1`) of earlier packages, and the status and score reported. Property tests
//! against the merge laws are in `tests/progress_props.rs`.
#![cfg(not(target_arch = "wasm32"))]

use interview_cards::core::progress::{covers, merge, parse_progress, Progress, ResetMark};
use interview_cards::core::schedule::{Rating, Scheduler};
use interview_cards::core::scorm::{
    encode, report, restore, Launch, SuspendError, ROOM, SUSPEND_LIMIT,
};
use std::rc::Rc;

const T: f64 = 1_799_571_617_345.0; // 2027-01-10 09:00:17.345 UTC: not on a minute
const DAY: f64 = 86_400_000.0;

fn launch(n: usize) -> Launch {
    Launch {
        deck: "d".into(),
        cards: (1..=n).map(|i| format!("c{i}")).collect(),
        complete: "reviewed".into(),
        percent: 100,
        ..Launch::default()
    }
}

/// `n` cards each graded `grades` times, a few seconds apart (never on a whole minute).
fn graded(n: usize, grades: usize) -> Progress {
    let scheduler = Scheduler::default();
    let mut p = Progress::new("d");
    for g in 0..grades {
        for i in 1..=n {
            let at = T + (g as f64) * DAY + (i as f64) * 7_919.0;
            p.mark_seen(&format!("c{i}"), at - 3_000.0);
            p.record(&format!("c{i}"), Rating::ALL[(i + g) % 4], at, &scheduler);
        }
    }
    p
}

#[test]
fn the_same_browser_reading_its_own_copy_back_counts_nothing_twice() {
    // The defect of issue 25: three grades, the course closed, opened again here.
    let p = graded(3, 1);
    let text = encode(&p, &launch(110).cards).text;
    let back = restore(&text, &launch(110), &p).expect("reads");
    assert!(covers(&p, &back), "merging changes nothing");
    assert_eq!(merge(&p, &back).review_count(), 3);
}

#[test]
fn a_browser_that_kept_nothing_gets_each_review_at_its_millisecond() {
    let p = graded(3, 2);
    let text = encode(&p, &launch(3).cards).text;
    let back = restore(&text, &launch(3), &Progress::new("d")).expect("reads");
    assert_eq!(back.review_count(), 6);
    for id in ["c1", "c2", "c3"] {
        assert_eq!(back.cards[id].log, p.cards[id].log, "{id}");
        let (m, b) = (p.memory(id).unwrap(), back.memory(id).unwrap());
        assert_eq!(b.last_review, m.last_review);
        assert_eq!(b.due, m.due, "due times on whole minutes read back exactly");
        assert!(b.stability <= m.stability && b.stability > m.stability * (1.0 - 1.0 / 128.0));
        assert!((b.difficulty - m.difficulty).abs() <= 1.0 / 910.0 + 1e-12);
        assert_eq!(
            (b.reps, b.lapses, b.phase, b.step),
            (m.reps, m.lapses, m.phase, m.step)
        );
    }
    // And that browser's copy, sent back to the platform and read in the first browser, adds
    // nothing there either.
    let again = encode(&merge(&Progress::new("d"), &back), &launch(3).cards).text;
    assert!(covers(&p, &restore(&again, &launch(3), &p).unwrap()));
}

#[test]
fn undone_grades_suspensions_and_the_reset_in_force_are_carried_and_rounded_safely() {
    let mut p = Progress::new("d");
    let s = Scheduler::default();
    p.resets.push(ResetMark {
        at: T - DAY,
        undone: false,
        settled: Some(T - DAY - 5.0),
    });
    // Reviewed before the reset: hidden, not carried.
    p.record("c3", Rating::Hard, T - 2.0 * DAY, &s);
    // Good, then an Easy taken back: the memory is the Good one again, put back by the undo.
    p.record("c1", Rating::Good, T, &s);
    let before = *p.memory("c1").unwrap();
    p.record("c1", Rating::Easy, T + 60_000.0, &s);
    assert!(p.undo_review("c1", T + 60_000.0, Some(before), T + 61_000.0));
    p.set_suspended("c1", true, T + 62_000.0);
    // A first grade taken back: its memory is void and not carried.
    p.record("c2", Rating::Good, T + 5.0, &s);
    assert!(p.undo_review("c2", T + 5.0, None, T + 6.0));
    let text = encode(&p, &launch(3).cards).text;
    let back = restore(&text, &launch(3), &Progress::new("d")).unwrap();
    assert_eq!(back.resets, p.resets);
    assert_eq!(back.cards["c1"].log, p.cards["c1"].log);
    assert_eq!(back.memory("c1").unwrap().last_review, T);
    assert_eq!(back.memory("c1").unwrap().set_at, T + 61_000.0);
    assert!(back.is_suspended("c1"));
    assert_eq!(back.cards["c1"].suspended, p.cards["c1"].suspended);
    assert!(back.memory("c2").is_none());
    assert_eq!(back.cards["c2"].log, p.cards["c2"].log);
    assert!(!back.cards.contains_key("c3"));
    // 20.96 days of stability must not read back as mastered (21).
    let mut almost = Progress::new("d");
    almost.record("c1", Rating::Good, T, &s);
    Rc::make_mut(almost.cards.get_mut("c1").unwrap())
        .memory
        .as_mut()
        .unwrap()
        .stability = 20.96;
    let text = encode(&almost, &launch(1).cards).text;
    let read = restore(&text, &launch(1), &Progress::new("d")).unwrap();
    let stability = read.memory("c1").unwrap().stability;
    assert!(stability < 21.0 && stability > 20.96 * 0.99, "{stability}");
}

#[test]
fn the_bank_with_history_fits_with_room_to_spare() {
    // 110 cards, each graded 8 times.
    let p = graded(110, 8);
    let encoded = encode(&p, &launch(110).cards);
    assert!(encoded.text.len() <= ROOM && ROOM < SUSPEND_LIMIT);
    assert_eq!(encoded.dropped_cards, 0, "every memory kept");
    let kept = 880 - encoded.dropped_reviews;
    assert!(kept > 100, "the newest reviews that fit: {kept}");
    let back = restore(&encoded.text, &launch(110), &Progress::new("d")).unwrap();
    assert_eq!(back.review_count(), kept);
    assert_eq!(
        (1..=110)
            .filter(|i| back.memory(&format!("c{i}")).is_some())
            .count(),
        110
    );
    // The newest ones.
    let newest = p
        .cards
        .values()
        .flat_map(|c| c.log.iter().map(|r| r.at))
        .fold(0.0, f64::max);
    assert!(back
        .cards
        .values()
        .any(|c| c.log.iter().any(|r| r.at == newest)));
}

#[test]
fn a_deck_too_large_for_every_memory_keeps_the_first_cards_and_says_how_many_are_left() {
    let p = graded(300, 1);
    let encoded = encode(&p, &launch(300).cards);
    assert!(encoded.text.len() <= ROOM, "{}", encoded.text.len());
    assert!(encoded.dropped_cards > 100, "{}", encoded.dropped_cards);
    let back = restore(&encoded.text, &launch(300), &Progress::new("d")).unwrap();
    let kept = 300 - encoded.dropped_cards;
    assert!((1..=kept).all(|i| back.memory(&format!("c{i}")).is_some()));
    assert!(back.memory(&format!("c{}", kept + 1)).is_none());
    // Still read back where it was made without a change.
    assert!(covers(
        &p,
        &restore(&encoded.text, &launch(300), &p).unwrap()
    ));
}

#[test]
fn data_this_package_cannot_use_is_refused_with_the_reason() {
    let p = graded(3, 1);
    let text = encode(&p, &launch(3).cards).text;
    // Another version of the deck (a card added).
    assert_eq!(restore(&text, &launch(4), &p), Err(SuspendError::OtherDeck));
    assert_eq!(
        restore(
            "ic1.AAAAAA.ByH36..AAggOOAAAAADKgACAAA.AAAAAAC",
            &launch(110),
            &p
        ),
        Err(SuspendError::OtherDeck)
    );
    for damaged in [
        "",
        "hello",
        "ic2",
        &text[..text.len() - 1],
        &text.replace('.', ".."),
        &format!("{text}A"),
        &format!("{}!{}", &text[..text.len() - 12], &text[text.len() - 11..]),
        // The last review's flags (the text's last digit) at 16: no writer sets that bit.
        &format!("{}Q", &text[..text.len() - 1]),
    ] {
        assert_eq!(
            restore(damaged, &launch(3), &p),
            Err(SuspendError::NotThisFormat),
            "{damaged}"
        );
    }
    assert_eq!(
        restore(&text.replacen("ic2", "ic3", 1), &launch(3), &p),
        Err(SuspendError::Newer)
    );
}

/// Suspend data that earlier packages wrote (`ic1`, times to the minute), made by the old
/// `web/scorm.js` from `tests/fixtures/scorm-ic1-progress.json`: read back in the browser that
/// made it, it adds nothing (its reviews are matched by card, rating and minute, undone and
/// practice ones to their own); read elsewhere, it gives that browser every review since the
/// reset.
#[test]
fn suspend_data_of_earlier_packages_reads_back_without_doubling() {
    const IC1: &str = "ic1.DtLx1x.Byaec.ByZa8.AAfYdUAAABAHCAACAAAABTAuOAAAAAAAKABARBADZgVVAAADABDgABAAA.ADAAADCADAAADGAAAAABJAAAAABDAAAAAAKABAAAAAAAAAAAC";
    let local = parse_progress(include_str!("fixtures/scorm-ic1-progress.json"), "d").unwrap();
    let course = launch(4);
    let back = restore(IC1, &course, &local).expect("ic1 reads");
    assert!(covers(&local, &back), "{back:#?}");
    let elsewhere = restore(IC1, &course, &Progress::new("d")).unwrap();
    // Less one: c4's practice grade and its review a millisecond later, both Good, are one
    // review to the minute (the limit of ic1, and why ic2 keeps the millisecond).
    assert_eq!(elsewhere.review_count(), local.review_count() - 1);
    assert_eq!(
        elsewhere.reset_at(),
        (local.reset_at() / 60_000.0).floor() * 60_000.0
    );
    assert!(elsewhere.is_suspended("c2"));
    // Re-encoded as ic2 there, and read back here: still nothing twice.
    let ic2 = encode(&merge(&Progress::new("d"), &elsewhere), &course.cards).text;
    assert!(ic2.starts_with("ic2."));
    assert_eq!(
        merge(&local, &restore(&ic2, &course, &local).unwrap()).review_count(),
        local.review_count()
    );
}

#[test]
fn completion_and_score_follow_the_packages_rule_and_never_lower_a_finished_course() {
    let mut course = launch(4);
    let p = graded(3, 1);
    let r = report(&p, &course, false);
    assert_eq!((r.status, r.score), ("incomplete", 75));
    assert!(r.suspend.is_some());
    let all = graded(4, 1);
    assert_eq!(report(&all, &course, false).status, "completed");
    // Only the cards the presets show count.
    course.counted = Some(vec!["c1".into(), "c2".into()]);
    assert_eq!(
        (
            report(&p, &course, false).status,
            report(&p, &course, false).score
        ),
        ("completed", 100)
    );
    // Mastered: stable 21 days or more, out of learning steps.
    let mut mastered = launch(4);
    mastered.complete = "mastered".into();
    mastered.percent = 50;
    let mut m = graded(4, 1);
    for id in ["c1", "c2"] {
        let card = Rc::make_mut(m.cards.get_mut(id).unwrap());
        let memory = card.memory.as_mut().unwrap();
        memory.stability = 30.0;
        memory.phase = interview_cards::core::schedule::Phase::Review;
    }
    let r = report(&m, &mastered, false);
    assert_eq!((r.status, r.score), ("completed", 50));
    mastered.percent = 51;
    assert_eq!(report(&m, &mastered, false).status, "incomplete");
    // The platform had it completed: it stays so.
    mastered.lesson_status = Some("completed".into());
    assert_eq!(report(&m, &mastered, false).status, "completed");
    // Unreadable platform data: no suspend data to write over it.
    assert!(report(&m, &mastered, true).suspend.is_none());
}
