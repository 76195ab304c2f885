//! A batch of records analysed by the pool's threads and by the calling thread together.
//!
//! The calling thread alone may build Python objects, which costs it some 40 % of the
//! analysis's own work. With a pool of as many threads as cores, that work would come on top,
//! one busy thread more than there are cores. So with `threads` >= 2 the pool has `threads -
//! 1` threads, and the calling thread analyses records of the batch it waits for instead of
//! sleeping: whoever is free takes the next record, and `threads` threads are busy at any
//! time.

use crate::analyse::{Item, Meta, Output};
use fouille_pipeline::{ErrorKind, OutputOptions};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// The records of one batch and their results, shared by the threads that analyse it.
pub struct Batch {
    items: Vec<(Item, u64, Option<Meta>)>,
    options: OutputOptions,
    json: bool,
    /// The next record nobody has taken.
    next: AtomicUsize,
    results: Vec<Mutex<Option<Output>>>,
    /// Records not finished yet; `finished` is notified when it reaches 0.
    left: Mutex<usize>,
    finished: Condvar,
}

impl Batch {
    /// A batch of records, each with its position and, for JSON text, its `meta` as JSON.
    pub fn new(items: Vec<(Item, u64, Option<Meta>)>, options: OutputOptions, json: bool) -> Self {
        let n = items.len();
        Batch {
            items,
            options,
            json,
            next: AtomicUsize::new(0),
            results: (0..n).map(|_| Mutex::new(None)).collect(),
            left: Mutex::new(n),
            finished: Condvar::new(),
        }
    }

    /// Analyses records of the batch until none is left to take.
    pub fn work(&self) {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some((item, position, meta)) = self.items.get(i) else {
                return;
            };
            // Each analysis catches its own panics; a panic elsewhere (a bug) must still
            // count the record, or the calling thread would wait for it for ever.
            let output = panic::catch_unwind(AssertUnwindSafe(|| {
                self.output(item, *position, meta.as_ref())
            }))
            .unwrap_or_else(|_| {
                let failed = Item::Failed {
                    id: String::new(),
                    kind: ErrorKind::Internal,
                    message: format!("record {position}: fouille failed on this record"),
                };
                self.output(&failed, *position, None)
            });
            if let Some(slot) = self.results.get(i) {
                *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(output);
            }
            let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
            *left -= 1;
            if *left == 0 {
                self.finished.notify_all();
            }
        }
    }

    /// A record's result, as JSON text or as a tape.
    fn output(&self, item: &Item, position: u64, meta: Option<&Meta>) -> Output {
        if self.json {
            Output::Line(item.to_line(position, &self.options, meta))
        } else {
            Output::Tape(item.to_tape(position, &self.options))
        }
    }

    /// Waits until every record is analysed, then takes the results, in order.
    pub fn results(&self) -> Vec<Option<Output>> {
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        while *left > 0 {
            left = self.finished.wait(left).unwrap_or_else(|e| e.into_inner());
        }
        drop(left);
        self.results
            .iter()
            .map(|slot| slot.lock().unwrap_or_else(|e| e.into_inner()).take())
            .collect()
    }
}
