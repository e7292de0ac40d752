//! One sort for the whole app. Each `sort_by` call site compiles its own copy of the standard
//! library's sort (about 4 KB of wasm apiece); sorting through [`sort_by_key`] shares one.
//! (Collecting into a `BTreeMap` or `BTreeSet` sorts too, with a copy of its own: insert
//! one by one instead.)

/// Sorts `items` by `key`, ascending, keeping equal keys in their order (a stable sort).
/// Times compare with `f64::total_cmp`; the second part breaks ties.
pub fn sort_by_key<T: Clone>(items: &mut [T], key: impl Fn(&T) -> (f64, u64)) {
    let keys: Vec<(f64, u64)> = items.iter().map(key).collect();
    let before = items.to_vec();
    for (slot, i) in items.iter_mut().zip(order(&keys)) {
        *slot = before[i].clone();
    }
}

/// The positions of `keys` in ascending order.
fn order(keys: &[(f64, u64)]) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..keys.len()).collect();
    positions.sort_by(|&a, &b| {
        let (x, y) = (keys[a], keys[b]);
        x.0.total_cmp(&y.0).then(x.1.cmp(&y.1))
    });
    positions
}
