//! Recording the learner's spoken answer from the microphone (MediaRecorder). The recording
//! stays in memory as an object URL for playback; nothing is stored or sent, and dropping the
//! [`Recording`] stops the microphone and frees the audio.

use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why recording could not start or finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The browser (or the page embedding the widget) offers no microphone recording.
    Unsupported,
    /// The learner or the browser refused the microphone.
    Refused,
    /// No microphone found.
    NoMicrophone,
    Other(String),
}

/// A recording in progress, then its audio.
pub struct Recording {
    recorder: web_sys::MediaRecorder,
    stream: web_sys::MediaStream,
    chunks: Rc<RefCell<Vec<web_sys::Blob>>>,
    _data: EventListener,
    url: RefCell<Option<String>>,
}

fn error_of(e: wasm_bindgen::JsValue) -> RecordError {
    match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
        Some(name) if name == "NotAllowedError" || name == "SecurityError" => RecordError::Refused,
        Some(name) if name == "NotFoundError" || name == "OverconstrainedError" => {
            RecordError::NoMicrophone
        }
        Some(name) => RecordError::Other(name),
        None => RecordError::Other("unknown error".into()),
    }
}

/// Asks for the microphone and starts recording.
pub async fn start() -> Result<Recording, RecordError> {
    let window = web_sys::window().ok_or(RecordError::Unsupported)?;
    let has = |name: &str| js_sys::Reflect::has(&window, &name.into()).unwrap_or(false);
    let devices = window
        .navigator()
        .media_devices()
        .map_err(|_| RecordError::Unsupported)?;
    if !has("MediaRecorder") || devices.is_undefined() {
        return Err(RecordError::Unsupported);
    }
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&true.into());
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(error_of)?;
    let stream: web_sys::MediaStream = JsFuture::from(promise)
        .await
        .map_err(error_of)?
        .unchecked_into();
    let recorder = web_sys::MediaRecorder::new_with_media_stream(&stream).map_err(error_of)?;
    let chunks = Rc::new(RefCell::new(Vec::new()));
    let data = {
        let chunks = chunks.clone();
        EventListener::new(&recorder, "dataavailable", move |event| {
            if let Some(blob) = event.dyn_ref::<web_sys::BlobEvent>().and_then(|e| e.data()) {
                chunks.borrow_mut().push(blob);
            }
        })
    };
    recorder.start().map_err(error_of)?;
    Ok(Recording {
        recorder,
        stream,
        chunks,
        _data: data,
        url: RefCell::new(None),
    })
}

impl Recording {
    /// Stops recording and calls `done` with an object URL of the audio once the browser has
    /// handed over the last data.
    pub fn stop(self: &Rc<Self>, done: impl FnOnce(Result<String, RecordError>) + 'static) {
        let this = self.clone();
        let mut done = Some(done);
        let stopped = EventListener::once(&self.recorder, "stop", move |_| {
            this.release_microphone();
            let parts = js_sys::Array::new();
            for chunk in this.chunks.borrow().iter() {
                parts.push(chunk);
            }
            let result = web_sys::Blob::new_with_blob_sequence(&parts)
                .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
                .map_err(error_of);
            if let Ok(url) = &result {
                *this.url.borrow_mut() = Some(url.clone());
            }
            if let Some(done) = done.take() {
                done(result);
            }
        });
        stopped.forget();
        if self.recorder.state() == web_sys::RecordingState::Inactive
            || self.recorder.stop().is_err()
        {
            self.release_microphone();
        }
    }

    fn release_microphone(&self) {
        for track in self.stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            let _ = self.recorder.stop();
        }
        self.release_microphone();
        if let Some(url) = self.url.borrow_mut().take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }
}
