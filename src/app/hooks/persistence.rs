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

type Shared = Rc<RefCell<Option<Persistence>>>;

#[hook]
pub fn use_persistence(state: &UseReducerHandle<State>, store: Rc<dyn Store>) {
    let coordinator: Shared = use_mut_ref(|| None);
    // The newest progress: a save that waited for the lock writes this, not what its render saw.
    let latest = use_mut_ref(|| Rc::new(Progress::new("")));
    *latest.borrow_mut() = state.progress.clone();
    let key = state.progress_key();
    {
        let (store, coordinator, latest) = (store.clone(), coordinator.clone(), latest.clone());
        let (dispatcher, unsaved) = (state.dispatcher(), state.unsaved.clone());
        let (writable, has_deck, deck) = (state.writable, state.has_deck(), state.deck.id.clone());
        use_effect_with((state.revision, key.clone()), move |(_, key)| {
            if !writable || !has_deck {
                return;
            }
            {
                let mut slot = coordinator.borrow_mut();
                if slot.as_ref().map(Persistence::key) != Some(key.as_str()) {
                    *slot = Some(Persistence::new(key, &deck));
                }
                if let Some(c) = slot.as_mut() {
                    c.note(std::mem::take(&mut *unsaved.borrow_mut()));
                }
            }
            with_lock(&format!("{key}:lock"), move || {
                let progress = latest.borrow().clone();
                let outcome = coordinator
                    .borrow_mut()
                    .as_mut()
                    .map(|c| c.save(&*store, &progress, now_ms()));
                if let Some(outcome) = outcome {
                    dispatch(&dispatcher, outcome);
                }
            });
        });
    }
    // A save waiting for the lock must not be lost when the page goes away (a reload, a
    // closed tab): it is written at once, unlocked, as the page is hidden.
    {
        let (store, coordinator, latest) = (store.clone(), coordinator.clone(), latest.clone());
        use_effect_with((), move |_| {
            let flush = move || {
                if let Some(c) = coordinator.borrow_mut().as_mut() {
                    if c.has_pending() {
                        let progress = latest.borrow().clone();
                        c.save(&*store, &progress, now_ms());
                    }
                }
            };
            let flush = std::rc::Rc::new(flush);
            let listeners = web_sys::window().map(|window| {
                let on_hide = {
                    let flush = flush.clone();
                    EventListener::new(&window, "pagehide", move |_| flush())
                };
                let hidden = window.document().map(|document| {
                    let doc = document.clone();
                    EventListener::new(&document, "visibilitychange", move |_| {
                        if doc.hidden() {
                            flush();
                        }
                    })
                });
                (on_hide, hidden)
            });
            move || drop(listeners)
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
                let mut slot = coordinator.borrow_mut();
                let Some(c) = slot.as_mut() else {
                    return;
                };
                // No key: another tab cleared the whole storage.
                let changed = event.key().unwrap_or_else(|| c.key().to_string());
                let outcome = c.heard(&*store, &changed, event.new_value().as_deref());
                drop(slot);
                let outcome = Some(outcome);
                if let Some(outcome) = outcome {
                    dispatch(&dispatcher, outcome);
                }
            })
        });
        move || drop(listener)
    });
}
