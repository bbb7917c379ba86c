//! Long work on a worker thread: its progress, for a progress bar, and its
//! result, for the window to pick up when it is ready.
//!
//! Opening or saving a file of a million meetings takes seconds; the window
//! must keep drawing meanwhile. [`Task::spawn`] runs the work on a thread;
//! the work reports through a shared [`Progress`] (which step, how far, and
//! whether the user cancelled); the window polls [`Task::poll`] once per
//! frame and draws [`Progress::fraction`] until the result arrives.
//!
//! Reading and writing a data file report one tick per record through
//! [`tick`], which counts for the [`Progress`] installed on the current
//! thread by [`Progress::install`] (and does nothing without one), so that
//! the format code needs no progress argument.
//!
//! Architecture invariant: no egui; the window only reads a `Progress`.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::i18n::catalogue::core;

/// What a long task is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Not started yet.
    Starting,
    /// Reading the file's bytes (counted in bytes).
    Reading,
    /// Parsing records (counted in records, out of an estimate).
    Parsing,
    /// Checking the data (validation) and indexing it.
    Checking,
    /// Checking that nobody changed the file since it was read.
    Comparing,
    /// Turning records into text (counted in records).
    Serialising,
    /// Writing the text to disk, with its backup.
    Writing,
}

impl Step {
    /// The step in words, for the progress window.
    pub fn describe(self) -> &'static str {
        match self {
            Step::Starting => core::PROGRESS_STARTING,
            Step::Reading => core::PROGRESS_READING,
            Step::Parsing => core::PROGRESS_PARSING,
            Step::Checking => core::PROGRESS_CHECKING,
            Step::Comparing => core::PROGRESS_COMPARING,
            Step::Serialising => core::PROGRESS_SERIALISING,
            Step::Writing => core::PROGRESS_WRITING,
        }
        .text()
    }
}

#[derive(Debug, Clone, Copy)]
struct Span {
    step: Step,
    /// Where this step starts and how much of the whole it is (0…1).
    start: f32,
    share: f32,
}

/// How far a task has gone, shared between its thread and the window.
#[derive(Debug)]
pub struct Progress {
    span: Mutex<Span>,
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            span: Mutex::new(Span {
                step: Step::Starting,
                start: 0.0,
                share: 0.0,
            }),
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            cancelled: AtomicBool::new(false),
        }
    }
}

impl Progress {
    /// Starts `step`, which covers `share` of the whole task from `start`
    /// (both between 0 and 1), with `total` units to do (0: unknown).
    pub fn begin(&self, step: Step, start: f32, share: f32, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        *self.span.lock().unwrap_or_else(PoisonError::into_inner) = Span { step, start, share };
    }

    /// Counts `n` more units done in the current step.
    pub fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.span
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .step
    }

    /// Units done and units to do (0: unknown) in the current step.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// How much of the whole task is done, from 0 to 1. A step whose total
    /// is an estimate never shows as finished before it is.
    pub fn fraction(&self) -> f32 {
        let span = *self.span.lock().unwrap_or_else(PoisonError::into_inner);
        let (done, total) = self.counts();
        let within = if total == 0 {
            0.0
        } else {
            (done as f64 / total as f64).min(0.99) as f32
        };
        (span.start + span.share * within).clamp(0.0, 1.0)
    }

    /// Asks the task to stop; it stops at its next tick.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the user asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Makes [`tick`] on this thread count for `self` while `work` runs.
    pub fn install<R>(self: &Arc<Self>, work: impl FnOnce() -> R) -> R {
        PENDING.with(|p| p.set(0));
        let previous = CURRENT.with(|c| c.replace(Some(Arc::clone(self))));
        let result = work();
        flush();
        CURRENT.with(|c| c.replace(previous));
        result
    }
}

/// The progress installed on this thread ([`Progress::install`]), if any:
/// for work that continues on another thread.
pub fn current() -> Option<Arc<Progress>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// A list read with [`counted`] on its own (a part of a file's list parsed
/// on another thread).
pub(crate) struct CountedList<T>(pub Vec<T>);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for CountedList<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        counted(deserializer).map(CountedList)
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Progress>>> = const { RefCell::new(None) };
    static PENDING: Cell<u64> = const { Cell::new(0) };
}

/// Ticks are counted locally and handed over in batches of this many.
const BATCH: u64 = 512;

/// One unit (a record) done by the current thread's task, if it has one.
/// Returns `false` when the user cancelled: the caller should stop.
pub fn tick() -> bool {
    let pending = PENDING.with(|p| {
        let n = p.get() + 1;
        p.set(n);
        n
    });
    if pending < BATCH {
        return true;
    }
    flush();
    CURRENT.with(|c| c.borrow().as_ref().is_none_or(|p| !p.is_cancelled()))
}

fn flush() {
    let pending = PENDING.with(|p| p.replace(0));
    CURRENT.with(|c| {
        if let Some(progress) = c.borrow().as_ref() {
            progress.advance(pending);
        }
    });
}

/// Work running on its own thread, with its progress.
#[derive(Debug)]
pub struct Task<T> {
    progress: Arc<Progress>,
    receiver: Receiver<T>,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a new thread named `name`, which speaks the language
    /// of this one ([`crate::i18n`]). Fails only when the system
    /// cannot start a thread.
    pub fn spawn(
        name: &str,
        work: impl FnOnce(&Arc<Progress>) -> T + Send + 'static,
    ) -> std::io::Result<Task<T>> {
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = mpsc::channel();
        let shared = Arc::clone(&progress);
        // Messages made on the thread (an error, a problem) speak the
        // language of the one that started it.
        let language = crate::i18n::current();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                crate::i18n::set_language(language);
                let result = shared.install(|| work(&shared));
                // The window may have given up on the result: nothing to do.
                sender.send(result).ok();
            })?;
        Ok(Task { progress, receiver })
    }

    /// Its progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Whether the work is finished (its result is given once), still
    /// running, or lost (its thread stopped without a result: it panicked).
    pub fn poll(&self) -> Poll<T> {
        match self.receiver.try_recv() {
            Ok(result) => Poll::Done(result),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Waits at most `timeout` for the result.
    pub fn wait(&self, timeout: Duration) -> Option<T> {
        self.receiver.recv_timeout(timeout).ok()
    }
}

/// Where a [`Task`] is.
#[derive(Debug)]
pub enum Poll<T> {
    /// Finished, with its result.
    Done(T),
    /// Still working.
    Running,
    /// Its thread stopped without a result.
    Lost,
}

/// Reads a list, ticking once per record: `deserialize_with` on the lists
/// of [`crate::model::Dataset`]. Stops with an error when the user cancelled.
pub(crate) fn counted<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct ListVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for ListVisitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // i18n: completes the parser's own message, which is English
            f.write_str("a sequence")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(record) = seq.next_element()? {
                list.push(record);
                if !tick() {
                    return Err(serde::de::Error::custom(CANCELLED));
                }
            }
            Ok(list)
        }
    }
    deserializer.deserialize_seq(ListVisitor(std::marker::PhantomData))
}

/// The message of the error that stops a cancelled read. Never shown:
/// [`crate::document::open`] reports the cancel as such.
pub(crate) const CANCELLED: &str = "cancelled by the user"; // i18n: never shown

/// Counts `(` in a data file's text: about one per record (a contact adds
/// one), the estimate that parsing progress is measured against.
pub fn estimate_records(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| **b == b'(').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_count_for_the_installed_progress_and_stop_on_cancel() {
        let progress = Arc::new(Progress::default());
        progress.begin(Step::Parsing, 0.2, 0.6, 2_000);
        let ticks = progress.install(|| {
            let mut n = 0;
            while n < 1_000 && tick() {
                n += 1;
            }
            n
        });
        assert_eq!(ticks, 1_000);
        assert_eq!(progress.counts(), (1_000, 2_000));
        assert!((progress.fraction() - 0.5).abs() < 1e-6);

        progress.cancel();
        let ticks = progress.install(|| {
            let mut n = 0;
            while n < 10_000 && tick() {
                n += 1;
            }
            n
        });
        assert!(ticks < BATCH as usize * 2, "stopped after {ticks}");
    }

    #[test]
    fn a_task_hands_over_its_result_and_an_estimate_never_looks_finished() {
        let task = Task::spawn("test", |p| {
            p.begin(Step::Reading, 0.0, 1.0, 10);
            p.advance(50);
            42
        })
        .unwrap();
        assert_eq!(task.wait(Duration::from_secs(10)), Some(42));
        assert!(
            !matches!(task.poll(), Poll::Done(_)),
            "the result is given once"
        );
        assert!(task.progress().fraction() < 1.0);
        assert_eq!(estimate_records(b"(a: (b: 1), c: [(d: 2)])"), 3);
    }
}
