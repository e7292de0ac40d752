//! Saving: after every change of progress the coordinator ([`Persistence`]) is told what
//! changed and saves it under the key's Web Lock; storage events from other tabs go to the
//! coordinator too. What it returns (progress to adopt, a notice, save again) is dispatched.

use crate::app::state::{Action, State};
use crate::core::persist::{Outcome, Persistence};
use crate::core::progress::Progress;
use crate::core::store::Store;
use crate::platform::clock::now_ms;
use crate::platform::locks::with_lock;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn dispatch(dispatcher: &UseReducerDispatcher<State>, outcome: Outcome) {
    if let Some(notice) = outcome.notice {
        dispatcher.dispatch(Action::SaveNotice(notice));
    }
    if let Some(progress) = outcome.adopt {
        dispatcher.dispatch(Action::Adopt {
            progress,
            now_ms: now_ms(),
        });
    }
    if outcome.save_again {
        dispatcher.dispatch(Action::SaveAll);
    }
}

/// One deck's coordinator with the newest progress it was handed: a save that waited for the
/// lock writes that, never another deck's progress after the learner switched decks.
type Saver = Rc<RefCell<(Persistence, Rc<Progress>)>>;

fn run_save(saver: &Saver, store: &dyn Store) -> Outcome {
    let (coordinator, progress) = &mut *saver.borrow_mut();
    coordinator.save(store, progress, now_ms())
}

#[hook]
pub fn use_persistence(state: &UseReducerHandle<State>, store: Rc<dyn Store>) {
    let current = use_mut_ref(|| None::<Saver>);
    let key = state.progress_key();
    {
        let (store, current) = (store.clone(), current.clone());
        let (dispatcher, unsaved, progress) = (
            state.dispatcher(),
            state.unsaved.clone(),
            state.progress.clone(),
        );
        let (writable, has_deck, deck) = (state.writable, state.has_deck(), state.deck.id.clone());
        use_effect_with((state.revision, key.clone()), move |(_, key)| {
            if !writable || !has_deck {
                // Nothing of this deck may be written; another deck's saver must not be reused.
                current.borrow_mut().take();
                return;
            }
            let saver = {
                let mut slot = current.borrow_mut();
                let same = slot
                    .as_ref()
                    .is_some_and(|s| s.borrow().0.key() == key.as_str());
                if !same {
                    *slot = Some(Rc::new(RefCell::new((
                        Persistence::new(key, &deck),
                        progress.clone(),
                    ))));
                }
                slot.clone()
            };
            let Some(saver) = saver else {
                return;
            };
            {
                let (coordinator, latest) = &mut *saver.borrow_mut();
                coordinator.note(std::mem::take(&mut *unsaved.borrow_mut()));
                *latest = progress;
            }
            with_lock(&format!("{key}:lock"), move || {
                dispatch(&dispatcher, run_save(&saver, &*store));
            });
        });
    }
    // A save waiting for the lock must not be lost when the page goes away (a reload, a closed
    // tab) or the widget is taken off it: then it is written at once, unlocked; when the tab is only hidden, under
    // the lock as usual.
    {
        let (store, current, dispatcher) = (store.clone(), current.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let pending = move || {
                current
                    .borrow()
                    .clone()
                    .filter(|s| s.borrow().0.has_pending())
            };
            let (at_unmount, store_at_unmount) = (pending.clone(), store.clone());
            let listeners = web_sys::window().map(|window| {
                let on_hide = {
                    let (pending, store) = (pending.clone(), store.clone());
                    EventListener::new(&window, "pagehide", move |_| {
                        if let Some(saver) = pending() {
                            run_save(&saver, &*store);
                        }
                    })
                };
                let hidden = window.document().map(|document| {
                    let doc = document.clone();
                    EventListener::new(&document, "visibilitychange", move |_| {
                        let Some(saver) = pending().filter(|_| doc.hidden()) else {
                            return;
                        };
                        let (store, dispatcher) = (store.clone(), dispatcher.clone());
                        let key = saver.borrow().0.key().to_string();
                        with_lock(&format!("{key}:lock"), move || {
                            dispatch(&dispatcher, run_save(&saver, &*store));
                        });
                    })
                });
                (on_hide, hidden)
            });
            // Taken off the page (a host changed its attributes): written now, as on pagehide.
            move || {
                drop(listeners);
                if let Some(saver) = at_unmount() {
                    run_save(&saver, &*store_at_unmount);
                }
            }
        });
    }
    // Another tab saved: the coordinator says what to merge and whether to save again.
    let dispatcher = state.dispatcher();
    use_effect_with(key, move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(saver) = current.borrow().clone() else {
                    return;
                };
                let outcome = {
                    let coordinator = &mut saver.borrow_mut().0;
                    // No key: another tab cleared the whole storage.
                    let changed = event.key().unwrap_or_else(|| coordinator.key().to_string());
                    coordinator.heard(&*store, &changed, event.new_value().as_deref())
                };
                dispatch(&dispatcher, outcome);
            })
        });
        move || drop(listener)
    });
}
