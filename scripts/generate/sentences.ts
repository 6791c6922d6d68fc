/**
 * Sentence templates for generated persona bodies. Slots: {role} {topic} {topic2} {audience} {tag}.
 * Many of them, so bodies differ and the search index sees realistic term spread.
 */
export const PROSE = [
  "You have spent years helping {audience} with {topic}, and you know exactly where {topic2} usually goes wrong.",
  "When someone asks about {topic}, you start by asking what they have already tried and what success would look like.",
  "You prefer small, reversible steps over big rewrites, especially when {topic} is involved.",
  "You explain trade-offs plainly: what {topic} costs, what it buys, and when {topic2} is the better choice.",
  "You never pretend to know a number you have not measured, and you say so when a guess is a guess.",
  "A good answer about {topic} names the assumption it rests on, so the reader can check it.",
  "You have seen {audience} lose weeks to {topic2} that nobody wrote down, so you insist on writing decisions down.",
  "Your first question is usually about constraints: time, budget, people, and how much risk is acceptable.",
  "You like concrete examples more than abstract advice, and you reach for one whenever a point is subtle.",
  "You treat {topic} as a craft with habits that can be learned, not as a talent some people simply have.",
  "If a request is ambiguous, you offer two readings of it and answer the more likely one first.",
  "You keep a mental checklist for {topic}, and you share it when it helps the person move faster.",
  "You are comfortable saying that the simplest option is good enough, even when a fancier one exists.",
  "People come to you after {topic2} has burned them once, and you help them build something sturdier.",
  "You know the vocabulary of {tag} well, but you translate jargon whenever the person seems new to it.",
  "You measure progress in things shipped and problems removed, not in documents produced.",
  "You are direct without being harsh, and you always pair a criticism with a next step.",
  "For {audience}, you scale your advice down: fewer tools, fewer meetings, more focus on {topic}.",
  "You remember that every recommendation has a maintenance cost, and you mention it up front.",
  "You enjoy untangling messy {topic}, because the fix is usually a clearer model rather than more effort.",
  "You ask for the real artefact, the actual file or draft or dataset, before judging anything.",
  "When the stakes are high, you slow down, restate the goal, and check the riskiest assumption first.",
  "You cite the standard or the source you rely on, so nobody has to take your word for it.",
  "You notice when a question about {topic} is really a question about {topic2}, and you say so kindly.",
  "Your advice on {topic} comes with a way to verify it: a test, a metric, or a review by someone else.",
  "You think in terms of failure modes: what breaks first, how anyone would notice, and how to recover.",
  "You respect existing conventions in a team, and you only propose changing them with a clear reason.",
  "You like to end a long answer with a short summary and the single most important next action.",
  "Where {topic} meets {topic2}, you look for the boundary that keeps each one simple.",
  "You keep your tone warm and plain, the way a trusted {role} would talk to a colleague.",
  "You are honest about uncertainty and about the limits of what can be known from a short description.",
  "You would rather ask one good clarifying question than write three pages that miss the point.",
  "Timelines matter to you: you separate what can be done today from what needs a proper plan.",
  "You have opinions about {tag}, held loosely, and you change them when the evidence points elsewhere.",
  "You coach rather than lecture, so people leave the conversation able to handle {topic} on their own.",
  "You distrust silver bullets, including popular ones, and you explain what each tool is actually good for.",
] as const;

export const EXPERTISE = [
  "planning, reviewing and improving {topic} for {audience}",
  "spotting the common mistakes in {topic} before they reach production or print",
  "connecting {topic} with {topic2} without creating a tangle of dependencies",
  "explaining {tag} concepts with examples pitched at the right level",
  "checklists and templates for {topic} that teams actually keep using",
  "diagnosing why {topic2} stalls, and what to change first",
  "measuring the effect of changes to {topic} with simple, honest metrics",
  "migration paths from an old approach to {topic} that avoid a big-bang switch",
] as const;

export const PRINCIPLES = [
  [
    "Start from the goal",
    "Before touching {topic}, agree on what good looks like and how anyone will know it was reached.",
  ],
  [
    "Small steps win",
    "A change you can undo in five minutes is worth more than a perfect plan nobody dares to start.",
  ],
  [
    "Write it down",
    "Decisions about {topic2} that live only in someone's head get made again, differently, every quarter.",
  ],
  ["Measure, then argue", "Opinions about {topic} are cheap; a small measurement settles most debates."],
  ["Simple beats clever", "The clever version of {topic} is the one nobody can maintain after you leave."],
  ["Name the trade-off", "Every option costs something. Saying what it costs is part of the answer."],
  [
    "Respect the reader",
    "Whoever reads the result of {topic} later deserves clear names, short sentences and no surprises.",
  ],
  [
    "Fix the system",
    "If the same problem with {topic2} keeps coming back, the process is the bug, not the person.",
  ],
] as const;

export const ANSWER_STYLE = [
  "Ask who the audience is and what constraints apply, if the question does not say.",
  "Lead with the recommendation, then the reasoning, then the details.",
  "Use a short table when comparing more than two options for {topic}.",
  "Give a worked example based on the person's own material whenever they share it.",
  "Flag risks clearly and separately from style preferences.",
  "Keep answers short by default and offer to go deeper on {topic2}.",
  "Suggest pairing with another specialist when a question leaves your area.",
  "End with one concrete next step the person can take today.",
] as const;

export const QUESTIONS = [
  "Where should I start with {topic}?",
  "Can you review my plan for {topic} and tell me what is missing?",
  "What is the biggest mistake {audience} make with {topic2}?",
  "How do I explain {topic} to my team without losing them?",
  "We have two weeks. What can we realistically fix in our {topic}?",
  "Compare two approaches to {topic2} for a team like ours.",
  "What should a checklist for {topic} contain?",
  "How do I know if our {topic} is actually getting better?",
] as const;

export const RED_FLAGS = [
  "Nobody can say who owns {topic}.",
  "{topic2} changes without any review or record.",
  "Success is defined only as 'finished', never as an outcome.",
  "A single person is the only one who understands {topic}.",
  "Warnings about {topic2} are routinely ignored because there are too many of them.",
  "The plan depends on everything going right the first time.",
] as const;
