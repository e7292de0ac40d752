//! The mock-interview and stats views, wired to the state: they pick what their views
//! show from it and turn clicks into actions.

use crate::app::dispatch::send;
use crate::app::hooks::files::FileAction;
use crate::app::state::{Action, DeckHandle, State};
use crate::app::BUNDLED_DECK_ID;
use crate::components::answer::AnswerWait;
use crate::components::backups::{backup_list, BackupProps};
use crate::components::data::DataPanel;
use crate::components::ids::Ids;
use crate::components::mock::{mock_view, MockProps};
use crate::components::practice::answer_wait;
use crate::components::settings::{schedule_settings, SettingsProps};
use crate::components::stats::{stats_view, StatsProps};
use crate::core::stats;
use crate::core::store::Notice;
use crate::platform::config::DeckSource;
use crate::words::import_refusal;
use std::rc::Rc;
use yew::prelude::*;

pub struct PanelProps {
    pub state: UseReducerHandle<State>,
}

pub fn mock_panel(props: &PanelProps, ids: &Ids) -> Html {
    let state = &props.state;
    let current = state
        .mock
        .as_ref()
        .and_then(|m| m.current())
        .and_then(|i| state.mock_card(i));
    let preview = current
        .map(|card| {
            state
                .scheduler
                .preview(state.progress.memory(&card.id), state.now_ms)
        })
        .unwrap_or_else(|| state.scheduler.preview(None, state.now_ms));
    let props = MockProps {
        deck: DeckHandle(state.deck.clone()),
        mock: state.mock.clone(),
        setup: state.mock_setup,
        on_setup: send(state, |(count, seconds), _| Action::SetMockSetup {
            count,
            seconds,
        }),
        pool_size: state.counts.total,
        now_ms: state.now_ms,
        preview,
        on_start: send(state, |(), now_ms| Action::StartMock {
            seed: now_ms as u64,
            now_ms,
        }),
        on_reveal: send(state, |(), now_ms| Action::MockReveal { now_ms }),
        on_timer: send(state, |change, now_ms| Action::MockTimer { change, now_ms }),
        on_tick_point: send(state, |index, _| Action::MockTickPoint { index }),
        on_grade: send(state, |rating, now_ms| Action::MockGrade { rating, now_ms }),
        on_practise_weak: send(state, |(), now_ms| Action::PractiseWeak { now_ms }),
        on_end: send(state, |(), _| Action::EndMock),
        read_aloud: state.read_aloud.clone(),
        on_read_aloud: send(state, |on, _| Action::SetReadAloud(on)),
        on_voice: send(state, |name, _| Action::ChooseVoice(name)),
        on_hear_again: send(state, |(), _| Action::HearAgain),
        answer_wait: current
            .map(|card| answer_wait(state, card))
            .unwrap_or(AnswerWait::Coming),
    };
    mock_view(&props, ids)
}

pub struct StatsPanelProps {
    pub state: UseReducerHandle<State>,
    /// What is asked of the learner's files (`app::hooks::files`).
    pub on_file: Callback<FileAction>,
    pub on_open_deck: Callback<DeckSource>,
    /// The learner's minutes east of UTC at an instant (each review counts on its own day).
    pub offset_at: fn(f64) -> i32,
}

pub fn stats_panel(props: &StatsPanelProps, ids: &Ids) -> Html {
    let state = &props.state;
    let s = stats::compute(
        &state.deck,
        &state.index,
        &state.progress,
        state.now_ms,
        &props.offset_at,
    );
    let open = props.on_open_deck.clone();
    let saved_here = state.writable && !matches!(state.notice, Some(Notice::NotSaved { .. }));
    html! {
        <>
            {stats_view(&StatsProps { stats: Rc::new(s) }, ids)}
            {schedule_settings(&SettingsProps { state: state.clone() }, ids)}
            <DataPanel ids={ids.clone()} {saved_here}
                       reviews={state.progress.review_count()}
                       import={state.import.as_ref().map(|(_, p)| p.clone())}
                       import_error={state.import_error.as_ref().map(|e| AttrValue::from(import_refusal(e, &state.deck.id)))}
                       can_undo_reset={state.can_undo_reset()}
                       on_file={props.on_file.clone()}
                       on_import_confirm={send(state, |keep_resets, now_ms| Action::ConfirmImport { keep_resets, now_ms })}
                       on_import_cancel={send(state, |(), _| Action::CancelImport)}
                       on_reset={send(state, |(), now_ms| Action::Reset { now_ms })}
                       on_undo_reset={send(state, |(), now_ms| Action::UndoReset { now_ms })}
                       on_builtin_deck={(state.deck.id != BUNDLED_DECK_ID).then(|| open.reform(|_| DeckSource::Bundled))} />
            {backup_list(&BackupProps { backups: state.backups.clone(), on_file: props.on_file.clone() })}
        </>
    }
}
