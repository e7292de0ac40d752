//! Everything that can happen to a widget, as data: [`Action`], and the small enums the state
//! and the actions share. Time and focus arrive inside actions, so the reducer never reads the
//! clock or the page.

use crate::core::deck::Deck;
use crate::core::filter::Filter;
use crate::core::import::ImportError;
use crate::core::mock::TimerChange;
use crate::core::optimize::FitResult;
use crate::core::progress::{Progress, ProgressError};
use crate::core::schedule::Rating;
use crate::core::store::{Backup, Notice, Opened};
use crate::platform::fetch::FetchError;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Practice,
    Mock,
    Stats,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Practice => "practice",
            Self::Mock => "mock",
            Self::Stats => "stats",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Practice, Self::Mock, Self::Stats]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Which cards practice walks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Today's study session (the default), as Anki builds it: cards whose learning step is
    /// up, due reviews and new cards up to the daily limits (`core::session::study_queue`).
    Session,
    /// Browsing: every card the filter leaves in order, due or not (a card graded Again or
    /// Hard still comes back after its step).
    All,
    /// Only due cards, the longest overdue first.
    Due,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Session => "session",
            Self::All => "all",
            Self::Due => "due",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "session" => Some(Self::Session),
            "all" => Some(Self::All),
            "due" => Some(Self::Due),
            _ => None,
        }
    }
}

/// Light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "auto" => Some(Self::Auto),
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
    /// The `data-theme` attribute: none follows the system.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Self::Auto => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Auto => "Theme: system",
            Self::Light => "Theme: light",
            Self::Dark => "Theme: dark",
        }
    }
    pub fn icon(self) -> &'static str {
        match self {
            Self::Auto => "◐",
            Self::Light => "☀",
            Self::Dark => "☾",
        }
    }
    pub fn next(self) -> Self {
        match self {
            Self::Auto => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::Auto,
        }
    }
}

/// What the focused element would do with a key (read from the page by `platform::dom`).
pub use crate::platform::dom::Focus;

/// Why a deck could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Import(ImportError),
    Fetch(FetchError),
    /// The code that reads decks (a chunk fetched when a deck is opened) could not be had.
    Chunk(String),
}

/// How the deck on screen came to be (or not yet).
#[derive(Clone, Debug, PartialEq)]
pub enum DeckLoad {
    /// Being fetched; nothing to show yet.
    Loading,
    Ready,
    /// The deck asked for could not be opened. A deck already open stays open.
    Failed(LoadError),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A deck was parsed, with its progress read from storage: it replaces whatever deck was
    /// open, at any moment (mid mock interview included).
    DeckLoaded {
        deck: Rc<Deck>,
        opened: Rc<Opened>,
        now_ms: f64,
    },
    /// The deck asked for could not be opened.
    DeckFailed(LoadError),
    /// A part of the bundled bank (one topic's answers) arrived as text, or could not be had
    /// (why, in words). Ignored unless the deck on screen still waits for it.
    BankPart {
        topic: String,
        text: Result<Rc<str>, String>,
    },
    /// Try the bank's parts that failed again.
    RetryParts,
    /// A key pressed while the widget (or, standalone, the page) has the keyboard.
    Key {
        key: String,
        focus: Focus,
        now_ms: f64,
    },
    /// The clock moved on (each minute, or the tab became visible again): due states change.
    Tick {
        now_ms: f64,
    },
    Flip,
    Next {
        now_ms: f64,
    },
    Previous {
        now_ms: f64,
    },
    /// Grade the flipped card and move on.
    Grade {
        rating: Rating,
        now_ms: f64,
    },
    /// Tick or untick key point `index` of the card on screen (after revealing it).
    TickPoint {
        index: usize,
    },
    /// Hide the card on screen until the next local day (`offset_min`: the learner's minutes
    /// east of UTC now).
    Bury {
        now_ms: f64,
        offset_min: i32,
    },
    /// Suspend the card on screen (out of practice and reviews) or take it back.
    SetSuspended {
        on: bool,
        now_ms: f64,
    },
    /// Take back the latest grade still on the undo list: memory, log, due date and counts
    /// return to what they were, and the card shows again.
    Undo {
        now_ms: f64,
    },
    SetFilter {
        filter: Filter,
        now_ms: f64,
    },
    SetMode {
        mode: Mode,
        now_ms: f64,
    },
    /// A daily limit as typed: new cards (or, with `reviews`, reviews) a study session gives
    /// a day. Text that is not a whole number up to `MAX_DAILY` changes nothing and is noted
    /// for that field.
    SetLimit {
        reviews: bool,
        text: String,
    },
    /// [`crate::core::session::MORE_NEW`] more new cards in today's session.
    MoreNewToday {
        now_ms: f64,
    },
    /// Shuffle the queue with this seed; `None` restores deck order.
    Shuffle {
        seed: Option<u64>,
        now_ms: f64,
    },
    ShowView(View),
    SetTheme(Theme),
    /// Cram: grades are kept as practice and leave every schedule as it is.
    SetCram(bool),
    /// New scheduling settings: desired retention and learning steps. Interval previews
    /// follow at once; schedules already made stay as they are until the next grade.
    /// Show a box to type the answer in before revealing it, or stop.
    SetTypeAnswer(bool),
    /// The text typed for the card on screen so far.
    TypeAnswer(String),
    /// The desired retention; a value outside the allowed range changes nothing.
    SetRetention(f64),
    /// Learning (or, with `relearning`, relearning) steps as typed ("1m 10m"): the reducer
    /// reads them, or keeps the steps it has and notes the error for that field.
    SetSteps {
        relearning: bool,
        text: String,
    },
    ToggleHelp,
    CloseHelp,
    /// Mock interview set-up: how many questions, how long each.
    SetMockSetup {
        count: usize,
        seconds: u32,
    },
    StartMock {
        seed: u64,
        now_ms: f64,
    },
    MockTick {
        now_ms: f64,
    },
    /// Tick or untick a key point of the revealed mock question.
    MockTickPoint {
        index: usize,
    },
    /// Pause, resume, extend or turn off the question clock.
    MockTimer {
        change: TimerChange,
        now_ms: f64,
    },
    MockReveal {
        now_ms: f64,
    },
    MockGrade {
        rating: Rating,
        now_ms: f64,
    },
    /// Leave a mock interview and practise the cards it found weak.
    PractiseWeak {
        now_ms: f64,
    },
    EndMock,
    /// Read each mock question aloud, or stop.
    SetReadAloud(bool),
    /// The voice to read questions with, by name.
    ChooseVoice(String),
    /// Read the question on screen aloud again.
    HearAgain,
    /// Progress saved elsewhere (another tab, or read back while saving): merged in, never
    /// replacing what is here.
    Adopt {
        progress: Progress,
        now_ms: f64,
    },
    /// Progress a course platform kept (SCORM suspend data, read by `core::scorm::restore`):
    /// merged in and saved here. When nothing was graded yet on this visit and the card on
    /// screen was practised elsewhere, practice starts at the first card not yet seen, as it
    /// would after a reload.
    Resume {
        progress: Progress,
        now_ms: f64,
    },
    /// Something about saving the learner should know (failure, trimming).
    SaveNotice(Notice),
    /// Storage lost something this tab saved (another tab's write crossed ours): save all.
    SaveAll,
    /// A progress file was read for import: show what it would change, or why it is refused.
    ImportRead {
        result: Result<Progress, ProgressError>,
        now_ms: f64,
    },
    /// Merge the previewed import; `keep_resets: false` leaves out the file's reset marks.
    ConfirmImport {
        keep_resets: bool,
        now_ms: f64,
    },
    CancelImport,
    /// Hide all progress of this deck (undoable, also after a reload).
    Reset {
        now_ms: f64,
    },
    UndoReset {
        now_ms: f64,
    },
    DismissNotice,
    /// The backups of this deck's progress, as storage now holds them.
    BackupsListed(Vec<Backup>),
    /// The learner has the damaged original (downloaded) and lets this visit replace it.
    ReplaceDamaged,
    /// "Optimise my schedule": fit FSRS weights to the learner's reviews (in a worker).
    Optimise,
    /// The fit moved on: `stage` as in [`Optimise::Running`], `done` from 0 to 1 within it.
    OptimiseProgress {
        stage: u8,
        done: f64,
    },
    /// The optimizer answered: the new weights are kept when they predict better.
    OptimiseDone {
        result: Rc<FitResult>,
        now_ms: f64,
    },
    OptimiseFailed(String),
    /// Schedule with the default weights again (the fitted ones stay in the log of choices
    /// only as far as merging needs: the latest choice wins).
    UseDefaultWeights {
        now_ms: f64,
    },
}

/// Reading the mock interview's questions aloud: on or off and the voice chosen (both
/// remembered), and how many times the learner asked to hear the question again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadAloud {
    pub on: bool,
    /// The name of the voice chosen; `None`: the first one offered.
    pub voice: Option<String>,
    pub again: u32,
}

/// Fitting the schedule to the learner.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Optimise {
    #[default]
    Idle,
    /// Stage 0 downloads the optimizer, 1 measures the weights in use, 2 fits, 3 measures the
    /// new weights; `done` runs from 0 to 1 within a stage.
    Running {
        stage: u8,
        done: f64,
    },
    /// Log loss before and after on `reviews` reviews; `kept` when the new weights are in use.
    Finished {
        before: f64,
        after: f64,
        reviews: usize,
        kept: bool,
    },
    Failed(String),
}

/// A grade that can be taken back: the card (deck position), when the review was logged, the
/// rating, and the card's memory before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Undoable {
    pub card: usize,
    pub at: f64,
    pub rating: Rating,
    pub before: Option<crate::core::schedule::Memory>,
}

/// How many grades can be taken back, newest first.
pub const UNDO_STEPS: usize = 20;

/// A deck compared by identity: a deck never changes once loaded, and comparing 10,000 cards
/// on every render would be waste.
#[derive(Clone)]
pub struct DeckHandle(pub Rc<Deck>);

impl PartialEq for DeckHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the widget tells its host page (DOM events on its element; `postMessage` to the parent
/// when framed and asked with `events=parent`). Card ids and grades only: nothing else leaves.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// A grade was given: the card, the rating, when it is due next (none while cramming).
    Graded {
        card: String,
        rating: Rating,
        due: Option<f64>,
        practice: bool,
    },
    /// A review session ran out of due cards, or a mock interview ended: the grades it had, in
    /// rating order (Again, Hard, Good, Easy).
    SessionComplete { mock: bool, ratings: [u32; 4] },
}
