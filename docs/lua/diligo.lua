---@meta diligo
-- LuaLS annotations for the diligo pack API, version 1 (docs/plugin-api.md).
-- Not loaded by diligo: editors that use lua-language-server read it through .luarc.json
-- (workspace.library = docs/lua) to complete and check packs and modules.
--
-- The sandbox (engine/sandbox/lhost_sandbox.c) also blocks names that LuaLS cannot switch off
-- one by one; each raises "blocked function '<name>' is not available to packs":
-- blocked: load loadstring loadfile dofile collectgarbage rawget rawset warn
-- blocked: string.dump math.randomseed coroutine.close
-- io, os, debug and package are disabled in .luarc.json. .luacheckrc and docs/plugin-api.md have
-- the exact allow-list; tests/unit/test_allowlist.c checks this file, those two and the sandbox
-- against one another.

---@alias diligo.Kind "maturity"|"choice"|"multi"|"number"|"percent"|"date"|"text"
---@alias diligo.Maturity "yes"|"partial"|"no"|"unknown"|"na"
---@alias diligo.Impact "potential"|"actual"
---@alias diligo.Level 1|2|3|4|5

---An answer value as a rule sees it: maturity and choice a string, multi a read-only list of
---strings, number and percent a number, date ("YYYY-MM-DD") and text a string; "unknown" for an
---answer unknown (every kind), "na" for a question that does not apply, nil when unanswered.
---@alias diligo.Value string|number|string[]|nil

---An answer written in a test, as in a questionnaire: a string, a number, or a list of strings
---for a multi question.
---@alias diligo.TestValue string|number|string[]

---One option of a choice or multi question.
---@class diligo.Option
---@field value string      the answer a supplier writes
---@field label? string     shown in templates and reports (default: value)
---@field score? number     0..1; a choice scores its option, a multi min(1, sum)

---@class diligo.Question
---@field id string                 unique in the composition; starts with the module or sector id
---@field kind diligo.Kind
---@field text string               the question, as the supplier reads it
---@field help? string              what counts as yes / partial / no, what evidence to cite
---@field section? string           heading in templates and reports (default: the module or sector title)
---@field weight? number            > 0 and <= 100 (default 1)
---@field required? boolean         must be answered (unknown allowed) for a questionnaire to validate
---@field evidence? boolean         a positive answer needs cited, current evidence for full credit
---@field na_when? table<string, any>  when the question does not apply: { ["q.id"] = value | { ... } | { none_of = { ... } }, small = true }
---@field duties string[]           1 to 64 catalogue ids (see `diligo duties`)
---@field options? (string|diligo.Option)[]  choice and multi: 1 to 200 options
---@field min? number               number: lowest allowed answer
---@field max? number               number: highest allowed answer
---@field unit? string              number: shown in the template ("deaths", "years")
---@field score? fun(value: diligo.Value, ctx: diligo.Context): number|nil  0..1, or nil = not applicable

---@class diligo.Severity
---@field scale diligo.Level         how grave the harm is (UNGP 14)
---@field scope diligo.Level         how many people or how much of the environment
---@field irremediable diligo.Level  how hard the harm is to put right

---What a rule may return instead of true.
---@class diligo.Finding
---@field likelihood? diligo.Level   overrides the rule's likelihood for this finding
---@field scale? diligo.Level        overrides the rule's scale
---@field scope? diligo.Level        overrides the rule's scope (for example from a count)
---@field irremediable? diligo.Level overrides the rule's irremediable character
---@field detail? string             shown next to the finding
---@field questions? string[]        the triggering questions (default: every question read)

---@class diligo.Rule
---@field id string
---@field title string
---@field duties string[]
---@field severity diligo.Severity
---@field likelihood diligo.Level    CSDDD Art 9
---@field red_flag? boolean          caps the rating at D (E when actual and severe); the finding is critical
---@field group? string             rules about one impact share a group: it counts once
---@field risks? string[]           country-risk columns that raise the likelihood by one step
---@field unknown? "ask"|"assume"   what missing answers that could make the rule fire give
---@field impact? diligo.Impact      "potential" (Art 10, default) or "actual" (Art 11)
---@field action string              the recommended action, for the action plan
---@field reads? string[]           the question ids `when` reads (required when the sector drops questions)
---@field when fun(a: diligo.Answers, ctx: diligo.Context): (boolean|diligo.Finding|nil)

---@class diligo.TestContext
---@field supplier? { country?: string, sector?: string, employees?: integer, tier?: integer }
---@field period? integer

---@class diligo.Expect
---@field findings? string[]   rule ids that must fire
---@field info? string[]       rule ids that must ask for information (missing answers)
---@field absent? string[]     rule ids that must not fire
---@field rating? "A"|"B"|"C"|"D"|"E"
---@field red_flag? boolean
---@field score? number        overall score, within 0.05

---@class diligo.Test
---@field name string
---@field answers table<string, diligo.TestValue>
---@field context? diligo.TestContext
---@field evidence? boolean        every answer cites one current evidence item
---@field expect diligo.Expect

---Read-only answers of one questionnaire, indexed by question id. Reading an id that is not in
---the composition raises "no question '<id>' in this pack"; writing raises "answers are read-only".
---@class diligo.Answers
---@field [string] diligo.Value

---@class diligo.Supplier
---@field id string
---@field name string
---@field country? string      ISO 3166-1 alpha-2
---@field sector? string
---@field employees? integer
---@field tier? integer
---@field small boolean       1 to 49 employees (UNGP 14 proportionality)

---Read-only context of one assessment.
---@class diligo.Context
---@field supplier diligo.Supplier
---@field period? integer

---@class diligo.ModuleSpec
---@field id string            lowercase letters, digits and _
---@field title string
---@field version? string
---@field description? string
---@field questions? diligo.Question[]
---@field rules? diligo.Rule[]
---@field tests? diligo.Test[]

---One change a sector makes to what it reuses: name one question or one rule, then drop it or
---give its new weight (question) or severity and likelihood (rule), with a reason.
---@class diligo.Tailoring
---@field question? string       a question of a reused module (or of the sector extended)
---@field rule? string           a rule of a reused module (or of the sector extended)
---@field drop? true             leave it out of the composition
---@field weight? number         a question's new weight, > 0 and <= 100
---@field severity? { scale?: diligo.Level, scope?: diligo.Level, irremediable?: diligo.Level }
---@field likelihood? diligo.Level
---@field reason string          why; shown in the Method sheet and the JSON output

---@class diligo.SectorSpec: diligo.ModuleSpec
---@field version string
---@field authors? string[]
---@field license? string
---@field extends? diligo.SectorSpec     a sector returned by require: its composition comes first
---@field modules? diligo.ModuleSpec[]   values returned by require
---@field tailoring? diligo.Tailoring[]  changes to what the sector reuses, each with a reason

---@class diligo.Duty
---@field id string
---@field framework string     UNGP, CSDDD, OECD, or a sector standard
---@field title string
---@field text string
---@field area string          one of the catalogue's areas
---@field status? "in force"|"guidance"|"deleted"|"proposed"

---Marks a table as a sector pack; a file in sectors/ returns its result.
---@param spec diligo.SectorSpec
---@return diligo.SectorSpec
function sector(spec) end

---Marks a table as a shared module; a file in plugins/ returns its result.
---@param spec diligo.ModuleSpec
---@return diligo.ModuleSpec
function module(spec) end

---The duty catalogue: its entries (the list part) and the duty areas they may name.
---@class diligo.Catalogue
---@field areas string[]       1 to 32 distinct duty areas: one column each in charts and the heatmap
---@field [integer] diligo.Duty

---Marks the duty catalogue (plugins/duties.lua only).
---@param entries diligo.Catalogue
---@return diligo.Catalogue
function catalogue(entries) end

---Marks a helper module: a table of functions for rules, with no questions, rules or tests
---(plugins/util.lua ends with `return helper(util)`). Returns t unchanged; diligo plugin check
---and plugin test pass over the file, which is not a pack.
---@generic T: table
---@param t T
---@return T
function helper(t) end

---One duty of a framework that a plugin file adds to the catalogue.
---@class diligo.FrameworkDuty
---@field id string            the framework's id, a dot, then the rest ("EUDR.A03")
---@field title string
---@field text string
---@field area string          one of the catalogue's areas
---@field status? "in force"|"guidance"|"deleted"|"proposed"   default: the framework's
---@field verified? "official text"|"secondary source"|"not verified"   default: the framework's
---@field source? string       what it was checked against; default: the framework's

---@class diligo.Framework
---@field id string            capitals, digits and -, such as EUDR or OECD-FAO; not in the catalogue yet
---@field title string
---@field source string        the instrument cited, with its version or amendments
---@field url? string
---@field status? "in force"|"guidance"|"deleted"|"proposed"   default "in force"
---@field verified? "official text"|"secondary source"|"not verified"   default "not verified"
---@field duties diligo.FrameworkDuty[]

---Marks a catalogue extension: a file in plugins/ that adds a framework and its duties. Packs
---whose files require it cite its duties like any other.
---@param spec diligo.Framework
---@return diligo.Framework
function framework(spec) end

---Loads plugins/NAME.lua from the search path (--plugin-path, DILIGO_PATH, the built-in
---directory), else sectors/NAME.lua (a sector to extend), as text, once per Lua state. NAME is
---[a-z][a-z0-9_]*. Only while a file loads (not in a rule). The value it returns is read-only to
---every other file.
---@param name string
---@return any
function require(name) end

---The duty catalogue, read-only, indexed by duty id.
---@type table<string, diligo.Duty>
duties = {}

---Writes one line "file:line: values" to standard error (for debugging tests): control
---characters escaped, at most 4,000 bytes.
---@param ... any
function print(...) end
