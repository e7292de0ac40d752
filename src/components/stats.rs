//! The stats view: tallies per topic and difficulty, today's reviews, the streak, and a small
//! SVG bar chart of the last 30 days with the same numbers as a table for screen readers.

use crate::components::ids::Ids;
use crate::core::stats::{day_label, Stats, Tally};
use yew::prelude::*;

pub struct StatsProps {
    pub stats: std::rc::Rc<Stats>,
}

fn tally_row(name: &str, t: &Tally) -> Html {
    html! {
        <tr>
            <th scope="row">{name.to_string()}</th>
            <td>{t.cards}</td><td>{t.seen}</td><td>{t.mastered}</td><td>{t.due}</td>
        </tr>
    }
}

/// A table of tallies, captioned "By topic" for a first column "Topic" (not its heading twice).
fn tally_table(caption: &str, first: &str, rows: Html, overall: Option<&Tally>) -> Html {
    html! {
        <table class="tally">
            <caption>{caption.to_string()}</caption>
            <thead>
                <tr><th scope="col">{first.to_string()}</th><th scope="col">{"Cards"}</th>
                    <th scope="col">{"Seen"}</th><th scope="col">{"Mastered"}</th><th scope="col">{"Due"}</th></tr>
            </thead>
            <tbody>{rows}</tbody>
            if let Some(t) = overall {
                <tfoot>{tally_row("All cards", t)}</tfoot>
            }
        </table>
    }
}

pub fn stats_view(props: &StatsProps, ids: &Ids) -> Html {
    let s = &props.stats;
    let topics: Html = s
        .by_topic
        .iter()
        .map(|(_, name, t)| tally_row(name, t))
        .collect();
    let difficulties: Html = s
        .by_difficulty
        .iter()
        .map(|(d, t)| tally_row(d.label(), t))
        .collect();

    // The chart: one bar per day in a frame with room around the bars, scaled to the busiest
    // day, in whole SVG units; the scale and the dates beside it are HTML, so the SVG may
    // stretch to any width without stretching text.
    let max = s.per_day.iter().map(|&(_, n)| n).max().unwrap_or(0).max(1);
    let (w, h, base, top, slot) = (310usize, 104usize, 100usize, 8usize, 10usize);
    let bars: Html = s
        .per_day
        .iter()
        .enumerate()
        .map(|(i, &(_, n))| {
            let bh = if n == 0 {
                1
            } else {
                (n * (base - top)).div_ceil(max)
            };
            html! {
                <rect x={(6 + i * slot).to_string()} y={(base - bh).to_string()}
                      width={(slot - 2).to_string()} height={bh.to_string()}
                      class={if n == 0 { "bar empty" } else { "bar" }} />
            }
        })
        .collect();
    let grid: Html = [top, base]
        .iter()
        .map(|y| html! { <line x2={w.to_string()} y1={y.to_string()} y2={y.to_string()} vector-effect="non-scaling-stroke" /> })
        .collect();
    let date = |ago: usize| day_label(s.today - ago as i64);
    let first = s.per_day.first().map_or(0, |d| d.0);
    let day_rows: Html = s
        .per_day
        .iter()
        .rev()
        .map(|&(ago, n)| {
            let day = match ago {
                0 => "Today".to_string(),
                1 => "Yesterday".to_string(),
                a => format!("{a} days ago"),
            };
            html! { <tr><th scope="row">{day}</th><td>{n}</td></tr> }
        })
        .collect();
    let total_30: usize = s.per_day.iter().map(|&(_, n)| n).sum();
    html! {
        <div class="stats">
            <h2 id={ids.of("stats-title")}>{"Your progress"}</h2>
            <ul class="headline" data-testid="stats-headline">
                <li><strong>{s.reviews_today}</strong>{" reviews today"}</li>
                <li><strong>{s.streak}</strong>{if s.streak == 1 { " day streak" } else { " days streak" }}</li>
                <li><strong>{s.overall.mastered}</strong>{format!(" of {} mastered", s.overall.cards)}</li>
                <li><strong>{s.overall.due}</strong>{" due now"}</li>
            </ul>
            <figure class="chart">
                <p class="scale" aria-hidden="true" data-testid="chart-scale">
                        <span>{max}</span><span>{"0"}</span>
                    </p>
                    <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-labelledby={ids.of("chart-caption")} preserveAspectRatio="none">
                        {grid}
                        {bars}
                    </svg>
                <p class="dates" aria-hidden="true" data-testid="chart-dates">
                    <span>{date(first)}</span><span>{date(first / 2)}</span><span>{date(0)}</span>
                </p>
                <figcaption id={ids.of("chart-caption")}>
                    {format!("Reviews per day, last 30 days: {total_30} in all, at most {max} in a day.")}
                </figcaption>
            </figure>
            <details>
                <summary>{"Reviews per day as a table"}</summary>
                <table class="per-day">
                    <caption>{"Reviews per day, last 30 days"}</caption>
                    <thead><tr><th scope="col">{"Day"}</th><th scope="col">{"Reviews"}</th></tr></thead>
                    <tbody>{day_rows}</tbody>
                </table>
            </details>
            {tally_table("By topic", "Topic", topics, Some(&s.overall))}
            {tally_table("By difficulty", "Difficulty", difficulties, None)}
        </div>
    }
}
