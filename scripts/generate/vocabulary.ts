/** What a category's personas are called, talk about, are tagged with and look like. */
export type CategoryVocabulary = {
  roles: readonly string[];
  topics: readonly string[];
  tags: readonly string[];
  avatars: readonly string[];
};

// prettier-ignore
export const VOCABULARY = {
  development: {
    roles: ["Backend Developer", "Frontend Engineer", "Platform Engineer", "Kubernetes Operator", "Rust Mentor", "TypeScript Reviewer", "Mobile Developer", "Site Reliability Engineer", "Compiler Engineer", "Game Developer", "Embedded Systems Engineer", "Cloud Architect", "Go Specialist", "Python Refactorer", "Release Engineer", "Test Automation Engineer", "Performance Tuner", "Open Source Maintainer"],
    topics: ["kubernetes clusters", "docker images", "terraform modules", "react components", "next.js routing", "typescript generics", "rust lifetimes", "go concurrency", "python packaging", "graphql schemas", "rest endpoints", "microservices", "ci pipelines", "observability", "caching layers", "memory leaks", "unit tests", "code reviews", "legacy refactoring", "webassembly", "serverless functions", "message queues", "feature flags", "database migrations"],
    tags: ["kubernetes", "docker", "terraform", "react", "nextjs", "typescript", "rust", "golang", "python", "graphql", "microservices", "ci-cd", "observability", "testing", "refactoring", "serverless", "webassembly", "devops", "performance", "api-design", "code-review", "mobile", "ios", "android"],
    avatars: ["💻", "🛠️", "⚙️", "🧰", "🐳", "🦀", "🚀", "🔧", "🧪", "📦", "🖥️", "🐍"],
  },
  data: {
    roles: ["Data Analyst", "Data Engineer", "Analytics Engineer", "ML Engineer", "Statistician", "BI Developer", "Data Scientist", "SQL Coach", "Forecasting Specialist", "Experimentation Analyst", "MLOps Engineer", "Data Quality Auditor", "Dashboard Designer"],
    topics: ["data pipelines", "dbt models", "sql queries", "a/b tests", "time series forecasts", "feature engineering", "data warehouses", "spark jobs", "airflow dags", "causal inference", "regression models", "dashboards", "data quality checks", "embeddings", "vector search", "model evaluation", "cohort analysis", "streaming ingestion"],
    tags: ["sql", "dbt", "spark", "airflow", "pandas", "statistics", "machine-learning", "forecasting", "ab-testing", "data-pipelines", "warehouse", "bigquery", "snowflake", "visualization", "mlops", "llm", "embeddings", "analytics"],
    avatars: ["📊", "📈", "🧮", "🗄️", "🤖", "🔢", "📉", "🧠", "🛰️"],
  },
  design: {
    roles: ["UX Designer", "UI Designer", "Design Systems Lead", "Accessibility Specialist", "Interaction Designer", "Brand Designer", "Motion Designer", "Illustrator", "Service Designer", "UX Writer", "Information Architect", "Design Critic"],
    topics: ["design tokens", "component libraries", "user flows", "wireframes", "prototypes", "color contrast", "typography scales", "figma files", "usability tests", "onboarding flows", "empty states", "micro-interactions", "navigation menus", "icon sets", "brand guidelines", "dark mode"],
    tags: ["figma", "ux", "ui", "accessibility", "wcag", "design-systems", "typography", "prototyping", "usability", "branding", "motion", "illustration", "information-architecture", "color"],
    avatars: ["🎨", "🖌️", "✏️", "🧩", "🖼️", "🌈", "📐", "♿", "🪄"],
  },
  product: {
    roles: ["Product Manager", "Product Strategist", "Growth PM", "Roadmap Planner", "Discovery Coach", "Pricing Strategist", "Product Ops Lead", "Platform PM", "Product Analyst", "Launch Manager"],
    topics: ["product roadmaps", "user interviews", "jobs to be done", "pricing pages", "feature prioritisation", "okrs", "north star metrics", "churn", "activation funnels", "product requirements", "launch plans", "competitive analysis", "beta programs", "customer feedback"],
    tags: ["roadmap", "discovery", "prioritization", "pricing", "okrs", "growth", "metrics", "launch", "strategy", "user-research", "jobs-to-be-done", "retention", "onboarding"],
    avatars: ["🧭", "🎯", "🗺️", "📋", "🚦", "🏁", "🔭"],
  },
  writing: {
    roles: ["Copy Editor", "Technical Writer", "Ghostwriter", "Speechwriter", "Storyteller", "Newsletter Editor", "Grant Writer", "Screenwriter", "Poetry Mentor", "Blog Editor", "Proofreader", "Content Strategist"],
    topics: ["release notes", "api documentation", "blog posts", "landing page copy", "keynote speeches", "short stories", "newsletters", "grant proposals", "style guides", "tone of voice", "headlines", "chapter outlines", "case studies", "product descriptions"],
    tags: ["copywriting", "editing", "documentation", "storytelling", "fiction", "speeches", "newsletters", "seo", "grammar", "style-guide", "blogging", "proofreading", "content-strategy", "poetry"],
    avatars: ["✒️", "🖋️", "📝", "📖", "🎤", "📰", "📜", "💬"],
  },
  business: {
    roles: ["CFO Advisor", "Financial Analyst", "Startup Advisor", "Sales Coach", "Negotiation Coach", "Marketing Strategist", "Operations Consultant", "HR Partner", "Supply Chain Planner", "Tax Planning Advisor", "Fundraising Coach", "Customer Success Lead", "Contracts Reviewer"],
    topics: ["cash flow", "unit economics", "financial models", "pitch decks", "sales pipelines", "cold outreach", "salary negotiations", "hiring plans", "pricing tiers", "annual budgets", "board meetings", "vendor contracts", "inventory planning", "market sizing"],
    tags: ["finance", "fundraising", "sales", "negotiation", "marketing", "operations", "hiring", "budgeting", "startups", "saas", "accounting", "contracts", "leadership", "strategy"],
    avatars: ["💼", "🏦", "💹", "🤝", "📞", "💰", "🏢", "📑"],
  },
  security: {
    roles: ["Security Auditor", "Threat Modeler", "Penetration Tester", "Privacy Counsel", "Incident Responder", "Cloud Security Engineer", "AppSec Reviewer", "Compliance Advisor", "Cryptography Consultant", "SOC Analyst", "Identity Engineer"],
    topics: ["threat models", "owasp top 10 risks", "penetration tests", "secrets management", "oauth flows", "incident response", "soc 2 audits", "gdpr requests", "encryption at rest", "supply chain attacks", "access reviews", "phishing campaigns", "security headers", "audit logs"],
    tags: ["security", "appsec", "owasp", "threat-modeling", "pentesting", "privacy", "gdpr", "compliance", "soc2", "cryptography", "iam", "incident-response", "cloud-security", "oauth"],
    avatars: ["🛡️", "🔐", "🔏", "🕵️", "🚨", "🔒", "🧯", "🗝️"],
  },
  education: {
    roles: ["Math Tutor", "Study Coach", "Language Coach", "Curriculum Designer", "Interview Coach", "SQL Tutor", "Physics Tutor", "Chemistry Tutor", "History Guide", "Writing Tutor", "Coding Bootcamp Mentor", "Exam Prep Coach", "Music Theory Teacher"],
    topics: ["algebra", "calculus", "spaced repetition", "exam preparation", "lesson plans", "spanish grammar", "japanese vocabulary", "essay structure", "coding interviews", "physics problems", "study schedules", "flashcards", "chemistry equations", "world history"],
    tags: ["math", "tutoring", "languages", "study-skills", "exams", "curriculum", "interviews", "physics", "chemistry", "history", "spanish", "japanese", "learning", "homework-help"],
    avatars: ["📚", "🎓", "📘", "🧑‍🏫", "🔬", "🌍", "🎼", "🧠"],
  },
} satisfies Record<string, CategoryVocabulary>;

/** The categories synthetic personas are made in (those with a vocabulary), in the catalog's order. */
export type GeneratedCategory = keyof typeof VOCABULARY;

// prettier-ignore
export const QUALIFIERS = ["Pragmatic", "Senior", "Friendly", "Rigorous", "Patient", "Seasoned", "Curious", "Calm", "Thoughtful", "Practical", "Skeptical", "Hands-On", "Veteran", "Meticulous", "Encouraging", "Blunt", "Lean", "Principal", "Weekend", "Night-Shift"] as const;

// prettier-ignore
export const AUDIENCES = ["early-stage startups", "enterprise teams", "solo founders", "students", "non-profits", "agencies", "open source maintainers", "regulated industries", "remote teams", "first-time managers", "small businesses", "scale-ups"] as const;

// A few accented names on purpose: search folds diacritics, so "zoe" must find "Zoë".
// prettier-ignore
export const FIRST_NAMES = ["Zoë", "José", "Renée", "Ana", "Mateo", "Priya", "Kenji", "Amara", "Lukas", "Inès", "Chloé", "Olu", "Mei", "Farah", "Nikolai", "Astrid", "Tomás", "Leila", "Dmitri", "Noor", "Hannah", "Rafael", "Yuki", "Sven"] as const;

// prettier-ignore
export const LAST_NAMES = ["Okafor", "Lindqvist", "Tanaka", "García", "Moreau", "Patel", "Novak", "Haddad", "Kowalski", "Nguyen", "Brennan", "Costa"] as const;

export const TOOLS = ["Read", "Write", "Edit", "Glob", "Grep", "Bash", "WebSearch", "WebFetch"] as const;
