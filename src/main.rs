//! The `fouille` command line.

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use fouille_cli::progress::plural;
use fouille_cli::{eval, extract};
use fouille_pipeline::{Date, ErrorKind, OutputOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

// Huge pages under the large tables: see `fouille_pipeline::alloc`.
#[global_allocator]
static ALLOCATOR: fouille_pipeline::alloc::HugePages = fouille_pipeline::alloc::HugePages;

/// The end of `fouille extract --help`: examples, formats, errors and exit status.
fn extract_help() -> String {
    // The kinds of the command line (`invalid_meta` is Python's), wrapped as the text around.
    let mut kinds = String::new();
    let mut width = "  with kind one of".len();
    for kind in ErrorKind::ALL
        .iter()
        .filter(|k| **k != ErrorKind::InvalidMeta)
    {
        let word = kind.as_str();
        if width + word.len() + 2 > 94 {
            kinds.push_str("\n ");
            width = 1;
        }
        kinds.push(' ');
        kinds.push_str(word);
        kinds.push(',');
        width += word.len() + 2;
    }
    kinds.pop();
    format!(
        "\
Examples:
  fouille extract fixtures/burkina-faso-partenariats.txt --date 2023-11-30 --pretty
  fouille extract corpus/orangesum-sample.jsonl.gz -o out.jsonl
  fouille extract articles/ --date 2023-11-30 > out.jsonl
  zcat news.jsonl.gz | fouille extract > out.jsonl

Input:
  a .txt file is one article (its id is the file name without extension);
  a .jsonl or .ndjson file holds one article per line: {{\"text\": ..., \"id\": ...,
  \"date\": \"YYYY-MM-DD\", \"title\": ...}}, other fields are carried through under \"meta\";
  blank lines are not records and give no output line;
  a .json file holds a JSON array of such records, or records one after another;
  any of them may be gzipped (read by content, whatever the name: a.jsonl.gz, a.txt.gz, a.gz);
  a file whose name says none of this is read by its content: JSON Lines when it starts with
  {{, a JSON array when it starts with [{{, else the text of one article; standard input too;
  a directory is walked in name order for such files (links followed, each file read once),
  and stderr lists the files it skipped; no PATH or - reads standard input.

Output:
  one JSON object per input article, on one line, in input order whatever --threads is (the
  fouille/1 contract, docs/json-contract.md); with --pretty, one indented object per article,
  one after the other (jq reads them; JSON Lines readers do not). An article that cannot be
  processed gives, at its place,
  {{\"id\": ..., \"error\": {{\"kind\": ..., \"message\": ..., \"source\": {{\"file\": ..., \"line\": ...}}}}}}
  with kind one of{}.
  -o FILE is written under a temporary name in FILE's folder and renamed at the end, so that an
  interrupted run leaves no half-written FILE; an output that is also an input is refused.
  stderr gets a progress bar when it is a terminal that the output does not go to (or a line
  every 5 s with --progress) and one summary line at the end: articles, errors, mentions by
  type, claims, MB/s.

Exit status:
  0  every article was processed
  2  some articles failed; their error lines are in the output
  1  the run could not proceed (a missing input, an unwritable output, bad arguments)",
        kinds
    )
}

#[derive(Parser)]
#[command(
    name = "fouille",
    version,
    about = "Reads French news articles and writes who, where, when and what is claimed, as JSON Lines."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and write one JSON line per article.
    #[command(after_help = extract_help())]
    Extract(ExtractArgs),
    /// Score fouille against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Args)]
struct ExtractArgs {
    /// Input files or directories (.txt, .jsonl, .ndjson, .json, gzipped or not); none or - for
    /// standard input.
    paths: Vec<PathBuf>,
    /// Write the output to this file instead of standard output (- for standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD) of articles that do not give one.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Indent the JSON, one object per article one after the other (for reading, not JSON Lines).
    #[arg(long)]
    pretty: bool,
    /// Add every token with its offsets and text.
    #[arg(long)]
    tokens: bool,
    /// Analysis threads [default: all cores]. The output is the same whatever the number.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Refuse records (a JSON line or a .txt file) larger than this, as `too_large` errors;
    /// a number of bytes, or with a K, M or G suffix.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    max_bytes: u64,
    /// Report progress on stderr even when it is not a terminal (a line every 5 seconds).
    #[arg(long)]
    progress: bool,
    /// Write the run's counts and speed to this file as JSON.
    #[arg(long, value_name = "FILE")]
    stats: Option<PathBuf>,
    /// Write nothing on stderr but errors: no progress, no summary line.
    #[arg(short, long, conflicts_with = "progress")]
    quiet: bool,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Token and sentence boundaries against UD-style gold (`tokens` and `sentences` spans).
    Tokens(EvalArgs),
    /// Mentions against gold mentions, per type: strict, fuzzy and value scores.
    Mentions(EvalMentionsArgs),
    /// Attributions and claims against hand-annotated gold (corpus/claims-dev.jsonl).
    Claims(EvalDetailArgs),
    /// Person records (rank, roles, nationality) against gold person records
    /// (corpus/claims-dev-b.jsonl).
    Persons(EvalDetailArgs),
}

#[derive(Args)]
struct EvalMentionsArgs {
    #[command(flatten)]
    common: EvalArgs,
    /// Score this file's predictions (JSON Lines: {"id", "mentions": [{"start", "end", "type",
    /// "value"}]}, code point offsets) instead of fouille's, with the same rules.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
    /// Score only predicted dates that state a year, for gold that annotates absolute dates only
    /// (HIPE).
    #[arg(long)]
    absolute_dates: bool,
    /// Print the misses and false positives of this type, in context.
    #[arg(long, value_name = "TYPE")]
    show_errors: Option<String>,
}

#[derive(Args)]
struct EvalDetailArgs {
    #[command(flatten)]
    common: EvalArgs,
    /// List what was scored wrong, one line each (claims: speakers that are not resolved to the
    /// gold speaker; persons: wrong or missing attributes).
    #[arg(long)]
    show_errors: bool,
}

#[derive(Args)]
struct EvalArgs {
    /// The gold file (JSON Lines).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("unknown unit {unit:?}: use K, M or G")),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size such as 1048576, 512K or 16M"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is too large"))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; a usage error is status 1, as any
            // other run that cannot proceed (2 means that some articles failed).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        // `fouille extract | head`: the reader has what it wanted.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fouille: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .or_else(|| cause.downcast_ref::<extract::OutputError>().map(|o| &o.0));
        io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints a report on stdout; a closed pipe ends the run quietly instead of panicking as
/// `print!` would.
fn print_out(text: &str) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => {
            let options = extract::ExtractOptions {
                paths: args.paths,
                output: args.output,
                stats: args.stats,
                date: args.date,
                json: OutputOptions {
                    tokens: args.tokens,
                    pretty: args.pretty,
                },
                threads: args.threads.map(usize::from),
                max_bytes: args.max_bytes,
                progress: args.progress,
                quiet: args.quiet,
            };
            let stats = extract::run(&options)?;
            if !args.quiet {
                eprintln!("{}", stats.summary_line());
            }
            if stats.errors > 0 {
                if !args.quiet {
                    eprintln!(
                        "fouille: {} of {} failed; their error lines are in the output",
                        stats.errors,
                        plural(stats.articles, "article")
                    );
                }
                return Ok(ExitCode::from(2));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Mentions(args)) => {
            let gold = &args.common.gold;
            let options = eval::mentions::MentionOptions {
                predictions: args.predictions,
                absolute_dates: args.absolute_dates,
                show_errors: args.show_errors,
            };
            let report = eval::mentions::evaluate(gold, &options)?;
            if args.common.json {
                print_out(&(report.to_json() + "\n"))
            } else {
                print_out(&report.to_text(gold))
            }
        }
        Command::Eval(EvalCommand::Claims(args)) => {
            let report = eval::claims::evaluate(&args.common.gold, args.show_errors)?;
            if args.common.json {
                print_out(&(report.to_json() + "\n"))
            } else {
                print_out(&report.to_text(&args.common.gold))
            }
        }
        Command::Eval(EvalCommand::Persons(args)) => {
            let report = eval::persons::evaluate(&args.common.gold, args.show_errors)?;
            if args.common.json {
                print_out(&(report.to_json() + "\n"))
            } else {
                print_out(&report.to_text(&args.common.gold))
            }
        }
        Command::Eval(EvalCommand::Tokens(args)) => {
            let report = eval::tokens::evaluate(&args.gold)?;
            if args.json {
                print_out(&(report.to_json() + "\n"))
            } else {
                print_out(&report.to_text(&args.gold))
            }
        }
    }
}
