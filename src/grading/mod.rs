//! Grading: pure functions of (answer, problem, rubric). Never prompts, never
//! renders; every point given or taken carries its evidence.
//!
//! - `types`: the grade and its parts;
//! - `tally`: topic credit over the step texts;
//! - `grade`: joins facts, numbers, topics, flags and scores into a grade.

pub mod answer;
pub mod curveball;
pub mod facts;
pub mod flags;
mod fx;
mod grade;
pub mod level;
pub mod matcher;
mod math;
pub mod score;
pub mod scorecard;
pub mod stance;
pub mod structure;
mod tally;
pub mod text;
pub mod topics;
mod types;

pub use answer::{parse_answer, step_for_heading, Answer};
pub use flags::FlagHit;
pub use grade::{grade, grade_at, grade_question, step_flags};
pub use level::{Level, Policy, UnknownLevel};
pub use score::{Band, Dimensions};
pub use tally::{score_topics_in, Source, OTHER_STEP_FACTOR};
pub use types::{
    Extras, FactCoverage, Flags, Grade, Missed, QuestionGrade, StepDoc, StepGrade, TopicHit,
    HINT_COST,
};
