/* desk-rulebook.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A DeskRulebook is the set of deadline rules Incident Desk knows: who must be told about a
 * breach, by when, in which stages, under which regime. The rules are data: a JSON file compiled
 * into libdesk-core (data/deadline-rules.json, in English, its texts translated in the
 * application's catalogue), to which people add or replace rules, and holiday calendars, with a
 * file of the same shape in their configuration folder. docs/deadlines.md describes the format
 * and each regime. A rulebook is immutable once built, so threads share it freely; it is a
 * GListModel of its DeskDeadlineRules, in file order, for the window's lists.
 */

#define G_LOG_DOMAIN "desk-rulebook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "desk-core-resources.h"
#include "desk-json-utils.h"
#include "desk-rulebook.h"

#define BUILTIN_RESOURCE RESOURCE_BASE "/deadline-rules.json"

/* The newest format this version reads. */
#define FORMAT_VERSION 1

/* Ten years of each unit: enough for any rule, and far from overflowing a time. */
static const struct
{
  const char     *member;
  DeskPeriodUnit  unit;
  guint           max;
} units[] = {
  { "hours", DESK_PERIOD_UNIT_HOURS, 87600 },
  { "calendar_days", DESK_PERIOD_UNIT_CALENDAR_DAYS, 3650 },
  { "business_days", DESK_PERIOD_UNIT_BUSINESS_DAYS, 2600 },
  { "months", DESK_PERIOD_UNIT_MONTHS, 120 },
};

struct _DeskDeadlineRule
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *law;
  char       *source;
  char       *note;
  gboolean    uncertain;
  GPtrArray  *stages;       /* DeskRuleStage, in order */
  GPtrArray  *conditions;   /* DeskRuleCondition */
  GHashTable *calendars;    /* the rulebook's: id → DeskCalendar */
};

struct _DeskRulebook
{
  GObject     parent_instance;

  GPtrArray  *rules;        /* DeskDeadlineRule, in file order */
  GHashTable *calendars;    /* id → DeskCalendar, shared with the rules */
  GError     *user_error;
};

static void desk_rulebook_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (DeskDeadlineRule, desk_deadline_rule, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (DeskRulebook, desk_rulebook, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_rulebook_list_model_init))

G_DEFINE_QUARK (desk-rules-error-quark, desk_rules_error)

/* Stages and conditions {{{ */

static void
stage_free (gpointer data)
{
  DeskRuleStage *stage = data;

  g_free (stage->id);
  g_free (stage->name);
  g_free (stage->recipient);
  g_free (stage->after);
  desk_period_clear (&stage->period);
  desk_period_clear (&stage->latest);
  g_free (stage);
}

static void
period_free (gpointer data)
{
  desk_period_clear (data);
  g_free (data);
}

static void
condition_free (gpointer data)
{
  DeskRuleCondition *condition = data;

  g_free (condition->name);
  g_free (condition->label);
  g_hash_table_unref (condition->periods);
  g_free (condition);
}

/* }}} */
/* Parsing {{{ */

/* Everything in this section reports errors in one domain and code. */
#define INVALID DESK_RULES_ERROR, DESK_RULES_ERROR_INVALID

/* A file's contents, before they join a rulebook. */
typedef struct
{
  GPtrArray  *rules;
  GHashTable *calendars;
} RuleFile;

static void
rule_file_clear (RuleFile *file)
{
  g_clear_pointer (&file->rules, g_ptr_array_unref);
  g_clear_pointer (&file->calendars, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RuleFile, rule_file_clear)

static gboolean
get_boolean (JsonObject  *object,
             const char  *member,
             const char  *where,
             gboolean    *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, INVALID, _("%s: “%s” must be true or false"), where, member);
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_object (JsonNode    *node,
            const char  *where,
            const char  *what,
            JsonObject **object,
            GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: the second %s says what is expected, e.g. "an “id”, a “name” and
       * “stages”" */
      g_set_error (error, INVALID, _("%s: must be an object with %s"), where, what);
      return FALSE;
    }

  *object = json_node_get_object (node);
  return TRUE;
}

static gboolean
parse_event (const char      *text,
             const char      *where,
             const char      *member,
             DeskClockEvent  *event,
             GError         **error)
{
  static const char * const names[] = { "detection", "awareness", "determination" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *event = i;
        return TRUE;
      }

  g_set_error (error, INVALID,
               _("%s: “%s” must be “detection”, “awareness” or “determination”, not “%s”"),
               where, member, text);
  return FALSE;
}

/* A period is null (no fixed period) or an object with exactly one unit member. */
static gboolean
parse_period (JsonNode    *node,
              const char  *where,
              DeskPeriod  *period,
              GError     **error)
{
  JsonObject *object;
  const char *calendar;
  guint n_units = 0;

  memset (period, 0, sizeof *period);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!get_object (node, where, _("one of “hours”, “calendar_days”, “business_days” or “months”"),
                   &object, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      JsonNode *amount = json_object_get_member (object, units[i].member);

      if (amount == NULL)
        continue;

      n_units++;
      if (!JSON_NODE_HOLDS_VALUE (amount) || json_node_get_value_type (amount) != G_TYPE_INT64 ||
          json_node_get_int (amount) < 1 || json_node_get_int (amount) > units[i].max)
        {
          g_set_error (error, INVALID, _("%s: “%s” must be a whole number from 1 to %u"),
                       where, units[i].member, units[i].max);
          return FALSE;
        }

      period->unit = units[i].unit;
      period->amount = json_node_get_int (amount);
    }

  if (n_units != 1)
    {
      g_set_error (error, INVALID,
                   _("%s: give exactly one of “hours”, “calendar_days”, “business_days” or "
                     "“months”"), where);
      return FALSE;
    }

  if (!get_boolean (object, "end_of_day", where, &period->end_of_day, error) ||
      !get_boolean (object, "first_day_counts", where, &period->first_day_counts, error) ||
      !get_boolean (object, "roll_forward", where, &period->roll_forward, error) ||
      !get_boolean (object, "after_year_end", where, &period->after_year_end, error) ||
      !desk_json_get_string (object, "calendar", FALSE, where, INVALID, &calendar, error))
    return FALSE;

  /* An hour count has no days to end or to move. */
  if (period->unit == DESK_PERIOD_UNIT_HOURS &&
      (period->end_of_day || period->roll_forward || period->after_year_end))
    {
      g_set_error (error, INVALID,
                   _("%s: “end_of_day”, “roll_forward” and “after_year_end” do not apply to "
                     "hours"), where);
      return FALSE;
    }

  if (period->first_day_counts && period->unit != DESK_PERIOD_UNIT_CALENDAR_DAYS)
    {
      g_set_error (error, INVALID, _("%s: “first_day_counts” applies only to calendar days"),
                   where);
      return FALSE;
    }

  if (calendar != NULL && period->unit != DESK_PERIOD_UNIT_BUSINESS_DAYS && !period->roll_forward)
    {
      g_set_error (error, INVALID,
                   _("%s: “calendar” applies only to business days or with “roll_forward”"),
                   where);
      return FALSE;
    }

  period->calendar = g_strdup (calendar);
  return TRUE;
}

static const DeskRuleStage *
find_stage (GPtrArray  *stages,
            const char *id)
{
  for (guint i = 0; i < stages->len; i++)
    {
      const DeskRuleStage *stage = g_ptr_array_index (stages, i);

      if (g_str_equal (stage->id, id))
        return stage;
    }

  return NULL;
}

/* "latest": { "from": EVENT, "period": PERIOD } */
static gboolean
parse_latest (JsonObject     *stage_object,
              const char     *where,
              DeskRuleStage  *stage,
              GError        **error)
{
  JsonNode *node = json_object_get_member (stage_object, "latest");
  g_autofree char *latest_where = NULL;
  JsonObject *object;
  const char *from;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  /* Translators: where an error is, e.g. "rules.json, rule 8 (“dora”), stage 1, latest" */
  latest_where = g_strdup_printf (_("%s, latest"), where);
  if (!get_object (node, latest_where, _("a “from” and a “period”"), &object, error) ||
      !desk_json_get_string (object, "from", TRUE, latest_where, INVALID, &from, error) ||
      !parse_event (from, latest_where, "from", &stage->latest_from, error) ||
      !parse_period (json_object_get_member (object, "period"), latest_where, &stage->latest,
                     error))
    return FALSE;

  if (stage->latest.unit == DESK_PERIOD_UNIT_NONE)
    {
      g_set_error (error, INVALID, _("%s: “%s” is missing"), latest_where, "period");
      return FALSE;
    }

  stage->has_latest = TRUE;
  return TRUE;
}

static DeskRuleStage *
parse_stage (JsonNode    *node,
             GPtrArray   *earlier,
             const char  *where,
             GError     **error)
{
  g_autoptr(GPtrArray) owner = g_ptr_array_new_with_free_func (stage_free);
  DeskRuleStage *stage = g_new0 (DeskRuleStage, 1);
  JsonObject *object;
  const char *id, *name, *recipient, *from, *after;

  g_ptr_array_add (owner, stage);
  if (!get_object (node, where, _("an “id”, a “name”, a “recipient” and a “period”"), &object,
                   error) ||
      !desk_json_get_id (object, "id", where, INVALID, &id, error) ||
      !desk_json_get_string (object, "name", TRUE, where, INVALID, &name, error) ||
      !desk_json_get_string (object, "recipient", TRUE, where, INVALID, &recipient, error) ||
      !desk_json_get_string (object, "from", FALSE, where, INVALID, &from, error) ||
      !desk_json_get_string (object, "after", FALSE, where, INVALID, &after, error) ||
      !get_boolean (object, "guidance", where, &stage->guidance, error))
    return NULL;

  stage->id = g_strdup (id);
  stage->name = g_strdup (name);
  stage->recipient = g_strdup (recipient);

  if (find_stage (earlier, id) != NULL)
    {
      g_set_error (error, INVALID, _("%s: the id “%s” is used by an earlier stage too"), where, id);
      return NULL;
    }

  if ((from == NULL) == (after == NULL))
    {
      g_set_error (error, INVALID, _("%s: give either “from” or “after”"), where);
      return NULL;
    }

  if (after != NULL)
    {
      /* Only an earlier stage: the order of the file is the order of the reports. */
      if (find_stage (earlier, after) == NULL)
        {
          g_set_error (error, INVALID, _("%s: “after” must name an earlier stage, not “%s”"),
                       where, after);
          return NULL;
        }

      stage->from = DESK_CLOCK_EVENT_FILING;
      stage->after = g_strdup (after);
    }
  else if (!parse_event (from, where, "from", &stage->from, error))
    return NULL;

  if (!json_object_has_member (object, "period"))
    {
      g_set_error (error, INVALID, _("%s: “%s” is missing"), where, "period");
      return NULL;
    }

  if (!parse_period (json_object_get_member (object, "period"), where, &stage->period, error) ||
      !parse_latest (object, where, stage, error))
    return NULL;

  return g_ptr_array_steal_index (owner, 0);
}

static DeskRuleCondition *
parse_condition (JsonNode    *node,
                 GPtrArray   *stages,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(GPtrArray) owner = g_ptr_array_new_with_free_func (condition_free);
  DeskRuleCondition *condition = g_new0 (DeskRuleCondition, 1);
  JsonObject *object, *periods = NULL;
  JsonNode *periods_node;
  g_autoptr(GList) members = NULL;
  const char *name, *label;

  condition->periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, period_free);
  g_ptr_array_add (owner, condition);

  if (!get_object (node, where, _("a “name” and a “label”"), &object, error) ||
      !desk_json_get_id (object, "name", where, INVALID, &name, error) ||
      !desk_json_get_string (object, "label", TRUE, where, INVALID, &label, error))
    return NULL;

  condition->name = g_strdup (name);
  condition->label = g_strdup (label);

  periods_node = json_object_get_member (object, "periods");
  if (periods_node != NULL && !JSON_NODE_HOLDS_NULL (periods_node) &&
      !get_object (periods_node, where, _("“periods” by stage id"), &periods, error))
    return NULL;

  members = periods ? json_object_get_members (periods) : NULL;
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *stage_id = l->data;
      g_autofree char *period_where = NULL;
      DeskPeriod *period;

      if (find_stage (stages, stage_id) == NULL)
        {
          g_set_error (error, INVALID, _("%s: “periods” names “%s”, which is not a stage"),
                       where, stage_id);
          return NULL;
        }

      /* Translators: where an error is, e.g. "rules.json, rule 1 (“appi”), condition 1,
       * period of “final”" */
      period_where = g_strdup_printf (_("%s, period of “%s”"), where, stage_id);
      period = g_new0 (DeskPeriod, 1);
      g_hash_table_insert (condition->periods, g_strdup (stage_id), period);
      if (!parse_period (json_object_get_member (periods, stage_id), period_where, period,
                         error))
        return NULL;
    }

  return g_ptr_array_steal_index (owner, 0);
}

static DeskDeadlineRule *
parse_rule (JsonNode    *node,
            const char  *where,
            GError     **error)
{
  g_autoptr(DeskDeadlineRule) rule = g_object_new (DESK_TYPE_DEADLINE_RULE, NULL);
  g_autofree char *named = NULL;
  JsonObject *object;
  JsonArray *stages, *conditions;
  const char *id, *name, *law, *source, *note;

  if (!get_object (node, where, _("an “id”, a “name”, a “source” and “stages”"), &object,
                   error) ||
      !desk_json_get_id (object, "id", where, INVALID, &id, error))
    return NULL;

  /* Translators: where an error is, e.g. "rules.json, rule 2 (“gdpr”)" */
  named = g_strdup_printf (_("%s (“%s”)"), where, id);
  if (!desk_json_get_string (object, "name", TRUE, named, INVALID, &name, error) ||
      !desk_json_get_string (object, "law", FALSE, named, INVALID, &law, error) ||
      !desk_json_get_string (object, "source", TRUE, named, INVALID, &source, error) ||
      !desk_json_get_string (object, "note", FALSE, named, INVALID, &note, error) ||
      !get_boolean (object, "uncertain", named, &rule->uncertain, error))
    return NULL;

  if (!g_str_has_prefix (source, "https://") && !g_str_has_prefix (source, "http://"))
    {
      g_set_error (error, INVALID, _("%s: “source” must be a web address, not “%s”"), named,
                   source);
      return NULL;
    }

  if (!desk_json_get_array (object, "stages", TRUE, named, INVALID, &stages, error) ||
      !desk_json_get_array (object, "conditions", FALSE, named, INVALID, &conditions, error))
    return NULL;

  rule->id = g_strdup (id);
  rule->name = g_strdup (name);
  rule->law = g_strdup (law);
  rule->source = g_strdup (source);
  rule->note = g_strdup (note);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      /* Translators: where an error is, e.g. "rules.json, rule 2 (“gdpr”), stage 1" */
      g_autofree char *stage_where = g_strdup_printf (_("%s, stage %u"), named, i + 1);
      DeskRuleStage *stage = parse_stage (json_array_get_element (stages, i), rule->stages,
                                          stage_where, error);

      if (stage == NULL)
        return NULL;
      g_ptr_array_add (rule->stages, stage);
    }

  for (guint i = 0; conditions != NULL && i < json_array_get_length (conditions); i++)
    {
      /* Translators: where an error is, e.g. "rules.json, rule 1 (“appi”), condition 2" */
      g_autofree char *condition_where = g_strdup_printf (_("%s, condition %u"), named, i + 1);
      DeskRuleCondition *condition = parse_condition (json_array_get_element (conditions, i),
                                                      rule->stages, condition_where, error);

      if (condition == NULL)
        return NULL;
      if (desk_deadline_rule_find_condition (rule, condition->name, NULL) != NULL)
        {
          g_set_error (error, INVALID, _("%s: the name “%s” is used by an earlier condition too"),
                       condition_where, condition->name);
          condition_free (condition);
          return NULL;
        }
      g_ptr_array_add (rule->conditions, condition);
    }

  return g_steal_pointer (&rule);
}

/* A date as the file writes it, "2026-05-06", or with @yearly "05-06". */
static gboolean
parse_date (const char  *text,
            gboolean     yearly,
            GDate       *date)
{
  guint year = 2000, month, day;
  int consumed = 0;

  if (yearly ? sscanf (text, "%2u-%2u%n", &month, &day, &consumed) != 2
             : sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3)
    return FALSE;

  if (text[consumed] != '\0' || strlen (text) != (yearly ? 5 : 10) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* @translate: whether the name is in the catalogue, as the built-in calendars' are */
static DeskCalendar *
parse_calendar (JsonNode    *node,
                const char  *where,
                gboolean     translate,
                GError     **error)
{
  g_autoptr(DeskCalendar) calendar = NULL;
  g_autofree char *named = NULL;
  JsonObject *object;
  JsonArray *holidays, *yearly;
  const char *id, *name;

  if (!get_object (node, where, _("an “id”, a “name” and “holidays”"), &object, error) ||
      !desk_json_get_id (object, "id", where, INVALID, &id, error))
    return NULL;

  named = g_strdup_printf (_("%s (“%s”)"), where, id);
  if (!desk_json_get_string (object, "name", TRUE, named, INVALID, &name, error) ||
      !desk_json_get_array (object, "holidays", FALSE, named, INVALID, &holidays, error) ||
      !desk_json_get_array (object, "every_year", FALSE, named, INVALID, &yearly, error))
    return NULL;

  calendar = desk_calendar_new (id, translate ? g_dgettext (GETTEXT_PACKAGE, name) : name);
  for (guint i = 0; holidays != NULL && i < json_array_get_length (holidays); i++)
    {
      /* Translators: where an error is, e.g. "rules.json, calendar 1 (“jp”), holiday 3" */
      g_autofree char *holiday_where = g_strdup_printf (_("%s, holiday %u"), named, i + 1);
      JsonObject *holiday;
      const char *text;
      GDate date;

      if (!get_object (json_array_get_element (holidays, i), holiday_where, _("a “date”"),
                       &holiday, error) ||
          !desk_json_get_string (holiday, "date", TRUE, holiday_where, INVALID, &text, error))
        return NULL;

      if (!parse_date (text, FALSE, &date))
        {
          g_set_error (error, INVALID, _("%s: “%s” is not a date such as 2026-05-06"),
                       holiday_where, text);
          return NULL;
        }
      desk_calendar_add_holiday (calendar, &date);
    }

  for (guint i = 0; yearly != NULL && i < json_array_get_length (yearly); i++)
    {
      JsonNode *day = json_array_get_element (yearly, i);
      GDate date;

      if (!JSON_NODE_HOLDS_VALUE (day) || json_node_get_value_type (day) != G_TYPE_STRING ||
          !parse_date (json_node_get_string (day), TRUE, &date))
        {
          g_set_error (error, INVALID,
                       _("%s: “every_year” must list days of the year such as \"12-29\""),
                       named);
          return NULL;
        }
      desk_calendar_add_yearly_closure (calendar, g_date_get_month (&date),
                                        g_date_get_day (&date));
    }

  return g_steal_pointer (&calendar);
}

static gboolean
parse_file (const char  *data,
            gssize       length,
            const char  *name,
            gboolean     translate,
            RuleFile    *file,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rules, *calendars;

  file->rules = g_ptr_array_new_with_free_func (g_object_unref);
  file->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) desk_calendar_unref);

  if (!(rules = desk_json_read_file_list (parser, data, length, name, "rules", FORMAT_VERSION,
                                          INVALID, error)) ||
      !desk_json_get_array (json_node_get_object (json_parser_get_root (parser)), "calendars",
                            FALSE, name, INVALID, &calendars, error))
    return FALSE;

  for (guint i = 0; calendars != NULL && i < json_array_get_length (calendars); i++)
    {
      /* Translators: where an error is, e.g. "rules.json, calendar 1" */
      g_autofree char *where = g_strdup_printf (_("%s, calendar %u"), name, i + 1);
      DeskCalendar *calendar = parse_calendar (json_array_get_element (calendars, i), where,
                                               translate, error);

      if (calendar == NULL)
        return FALSE;
      if (!g_hash_table_insert (file->calendars, (gpointer) desk_calendar_get_id (calendar),
                                calendar))
        {
          g_set_error (error, INVALID, _("%s: the id “%s” is used by an earlier calendar too"),
                       where, desk_calendar_get_id (calendar));
          return FALSE;
        }
    }

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      /* Translators: where an error is, e.g. "rules.json, rule 2" */
      g_autofree char *where = g_strdup_printf (_("%s, rule %u"), name, i + 1);
      DeskDeadlineRule *rule = parse_rule (json_array_get_element (rules, i), where, error);

      if (rule == NULL)
        return FALSE;

      g_ptr_array_add (file->rules, rule);
      for (guint j = 0; j + 1 < file->rules->len; j++)
        if (g_str_equal (rule->id,
                         ((DeskDeadlineRule *) g_ptr_array_index (file->rules, j))->id))
          {
            g_set_error (error, INVALID, _("%s: the id “%s” is used by an earlier rule too"),
                         where, rule->id);
            return FALSE;
          }
    }

  return TRUE;
}

/* Every calendar a period names must be one the rulebook will have: the file's or @known's. */
static gboolean
check_calendar (const DeskPeriod  *period,
                RuleFile          *file,
                GHashTable        *known,
                const char        *name,
                DeskDeadlineRule  *rule,
                GError           **error)
{
  if (period->calendar == NULL ||
      g_hash_table_contains (file->calendars, period->calendar) ||
      (known != NULL && g_hash_table_contains (known, period->calendar)))
    return TRUE;

  g_set_error (error, INVALID, _("%s, rule “%s”: there is no calendar “%s”"), name, rule->id,
               period->calendar);
  return FALSE;
}

static gboolean
check_calendars (RuleFile    *file,
                 GHashTable  *known,
                 const char  *name,
                 GError     **error)
{
  for (guint i = 0; i < file->rules->len; i++)
    {
      DeskDeadlineRule *rule = g_ptr_array_index (file->rules, i);

      for (guint j = 0; j < rule->stages->len; j++)
        {
          const DeskRuleStage *stage = g_ptr_array_index (rule->stages, j);

          if (!check_calendar (&stage->period, file, known, name, rule, error) ||
              !check_calendar (&stage->latest, file, known, name, rule, error))
            return FALSE;
        }

      for (guint j = 0; j < rule->conditions->len; j++)
        {
          const DeskRuleCondition *condition = g_ptr_array_index (rule->conditions, j);
          GHashTableIter iter;
          gpointer period;

          g_hash_table_iter_init (&iter, condition->periods);
          while (g_hash_table_iter_next (&iter, NULL, &period))
            if (!check_calendar (period, file, known, name, rule, error))
              return FALSE;
        }
    }

  return TRUE;
}

/* Takes what @file holds into @self: a rule or calendar with an id @self has replaces it. */
static void
take_file (DeskRulebook *self,
           RuleFile     *file)
{
  GHashTableIter iter;
  gpointer calendar;
  guint n_before = self->rules->len;

  g_hash_table_iter_init (&iter, file->calendars);
  while (g_hash_table_iter_next (&iter, NULL, &calendar))
    g_hash_table_replace (self->calendars, (gpointer) desk_calendar_get_id (calendar),
                          desk_calendar_ref (calendar));

  for (guint i = 0; i < file->rules->len; i++)
    {
      DeskDeadlineRule *rule = g_ptr_array_index (file->rules, i);
      guint position;

      g_clear_pointer (&rule->calendars, g_hash_table_unref);
      rule->calendars = g_hash_table_ref (self->calendars);

      for (position = 0; position < self->rules->len; position++)
        if (g_str_equal (((DeskDeadlineRule *) g_ptr_array_index (self->rules, position))->id,
                         rule->id))
          break;

      if (position < self->rules->len)
        {
          g_object_unref (g_ptr_array_index (self->rules, position));
          self->rules->pdata[position] = g_object_ref (rule);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        }
      else
        g_ptr_array_add (self->rules, g_object_ref (rule));
    }

  if (self->rules->len > n_before)
    g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, self->rules->len - n_before);
}

/* The built-in texts are in the catalogue (build-aux/template-strings.py puts them there). */
static void
translate_rules (RuleFile *file)
{
  for (guint i = 0; i < file->rules->len; i++)
    {
      DeskDeadlineRule *rule = g_ptr_array_index (file->rules, i);

      desk_json_translate (&rule->name);
      desk_json_translate (&rule->note);
      for (guint j = 0; j < rule->stages->len; j++)
        {
          DeskRuleStage *stage = g_ptr_array_index (rule->stages, j);

          desk_json_translate (&stage->name);
          desk_json_translate (&stage->recipient);
        }
      for (guint j = 0; j < rule->conditions->len; j++)
        {
          DeskRuleCondition *condition = g_ptr_array_index (rule->conditions, j);

          desk_json_translate (&condition->label);
        }
    }
}

#undef INVALID

/* }}} */
/* DeskDeadlineRule {{{ */

static void
desk_deadline_rule_finalize (GObject *object)
{
  DeskDeadlineRule *self = DESK_DEADLINE_RULE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->law);
  g_free (self->source);
  g_free (self->note);
  g_ptr_array_unref (self->stages);
  g_ptr_array_unref (self->conditions);
  g_clear_pointer (&self->calendars, g_hash_table_unref);

  G_OBJECT_CLASS (desk_deadline_rule_parent_class)->finalize (object);
}

static void
desk_deadline_rule_class_init (DeskDeadlineRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_deadline_rule_finalize;
}

static void
desk_deadline_rule_init (DeskDeadlineRule *self)
{
  self->stages = g_ptr_array_new_with_free_func (stage_free);
  self->conditions = g_ptr_array_new_with_free_func (condition_free);
}

/* The rule's stable name, e.g. "appi": obligations keep it, `idesk obligation add` takes it. */
const char *
desk_deadline_rule_get_id (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  return self->id;
}

/* Returns: (transfer none): what people call the rule, translated, e.g. "APPI (Japan)" */
const char *
desk_deadline_rule_get_name (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  return self->name;
}

/* Returns: (transfer none) (nullable): the articles the rule comes from, e.g. "GDPR Art. 33" */
const char *
desk_deadline_rule_get_law (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  return self->law;
}

/* Returns: (transfer none): the web address of the rule's primary source */
const char *
desk_deadline_rule_get_source (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  return self->source;
}

/* Returns: (transfer none) (nullable): a caveat, translated: what is uncertain, what is left out */
const char *
desk_deadline_rule_get_note (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  return self->note;
}

/* Whether the research behind the rule could not confirm it: show it as to be verified. */
gboolean
desk_deadline_rule_get_uncertain (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), FALSE);

  return self->uncertain;
}

/**
 * desk_deadline_rule_get_stages:
 *
 * Returns: (transfer none) (element-type DeskRuleStage): the stages, in the order they are filed
 */
GPtrArray *
desk_deadline_rule_get_stages (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  return self->stages;
}

/**
 * desk_deadline_rule_get_conditions:
 *
 * Returns: (transfer none) (element-type DeskRuleCondition): the conditions, empty if the
 *   rule's periods depend on none
 */
GPtrArray *
desk_deadline_rule_get_conditions (DeskDeadlineRule *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  return self->conditions;
}

/* Returns: (nullable): the stage @stage_id, or %NULL if the rule has none of that id */
const DeskRuleStage *
desk_deadline_rule_get_stage (DeskDeadlineRule *self,
                              const char       *stage_id)
{
  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);

  return find_stage (self->stages, stage_id);
}

static char *
list_conditions (DeskDeadlineRule *self)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < self->conditions->len; i++)
    {
      const DeskRuleCondition *condition = g_ptr_array_index (self->conditions, i);

      if (i > 0)
        g_string_append (list, _("; "));
      /* Translators: a condition's name and what it means, e.g. "other (Other breaches)" */
      g_string_append_printf (list, _("%s (%s)"), condition->name, condition->label);
    }

  return g_string_free (list, FALSE);
}

/**
 * desk_deadline_rule_find_condition:
 * @name: (nullable): the condition's name, or %NULL when none was given
 *
 * The condition an obligation of the rule names. A rule without conditions takes none: then
 * this returns %NULL without an error for a %NULL @name.
 *
 * Returns: (transfer none) (nullable): the condition, or %NULL with @error set
 *   (%DESK_RULES_ERROR_NO_CONDITION, %DESK_RULES_ERROR_NOT_FOUND) to a message listing the
 *   conditions there are
 */
const DeskRuleCondition *
desk_deadline_rule_find_condition (DeskDeadlineRule  *self,
                                   const char        *name,
                                   GError           **error)
{
  g_autofree char *list = NULL;

  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);

  for (guint i = 0; name != NULL && i < self->conditions->len; i++)
    {
      const DeskRuleCondition *condition = g_ptr_array_index (self->conditions, i);

      if (g_str_equal (condition->name, name))
        return condition;
    }

  if (name == NULL && self->conditions->len == 0)
    return NULL;

  list = list_conditions (self);
  if (name == NULL)
    /* Translators: the first %s names a rule; the second lists its conditions */
    g_set_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NO_CONDITION,
                 _("The deadlines of %s depend on a condition; choose one of: %s"),
                 self->name, list);
  else if (self->conditions->len == 0)
    g_set_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NOT_FOUND,
                 _("%s has no conditions, so it has no condition “%s”"), self->name, name);
  else
    g_set_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NOT_FOUND,
                 _("%s has no condition “%s”; choose one of: %s"), self->name, name, list);

  return NULL;
}

/**
 * desk_deadline_rule_get_period:
 * @condition: (nullable): the condition chosen
 *
 * Returns: (transfer none): how long @stage gives under @condition
 */
const DeskPeriod *
desk_deadline_rule_get_period (DeskDeadlineRule        *self,
                               const DeskRuleStage     *stage,
                               const DeskRuleCondition *condition)
{
  const DeskPeriod *period = NULL;

  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);
  g_return_val_if_fail (stage != NULL, NULL);

  if (condition != NULL)
    period = g_hash_table_lookup (condition->periods, stage->id);

  return period ? period : &stage->period;
}

static const DeskCalendar *
calendar_of (DeskDeadlineRule *self,
             const DeskPeriod *period)
{
  return period->calendar ? g_hash_table_lookup (self->calendars, period->calendar) : NULL;
}

/**
 * desk_deadline_rule_describe_stage:
 * @condition: (nullable): the condition chosen
 *
 * Returns: (transfer full): how long @stage gives and from what, as people say it, e.g.
 *   "72 hours after awareness"
 */
char *
desk_deadline_rule_describe_stage (DeskDeadlineRule        *self,
                                   const DeskRuleStage     *stage,
                                   const DeskRuleCondition *condition)
{
  const DeskPeriod *period;
  g_autofree char *anchor = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), NULL);
  g_return_val_if_fail (stage != NULL, NULL);

  period = desk_deadline_rule_get_period (self, stage, condition);
  if (period->unit == DESK_PERIOD_UNIT_NONE)
    return desk_period_describe (period, NULL, NULL);

  if (stage->from == DESK_CLOCK_EVENT_FILING)
    /* Translators: what starts a clock; %s names an earlier report, e.g. "Incident
     * notification" */
    anchor = g_strdup_printf (_("the filing of “%s”"),
                              find_stage (self->stages, stage->after)->name);
  else
    anchor = g_strdup (desk_clock_event_label (stage->from));

  if (period->after_year_end)
    {
      g_autofree char *event = g_steal_pointer (&anchor);

      /* Translators: %s is an event, e.g. "detection" */
      anchor = g_strdup_printf (_("the end of the calendar year of %s"), event);
    }

  text = desk_period_describe (period, calendar_of (self, period), anchor);
  if (stage->has_latest)
    {
      g_autofree char *latest = desk_period_describe (&stage->latest,
                                                      calendar_of (self, &stage->latest),
                                                      desk_clock_event_label (stage->latest_from));
      g_autofree char *first = g_steal_pointer (&text);

      /* Translators: a deadline, then a second limit, e.g. "4 hours after determination; at the
       * latest 24 hours after awareness" */
      text = g_strdup_printf (_("%s; at the latest %s"), first, latest);
    }

  return g_steal_pointer (&text);
}

/* The incident's time for @event, or the earlier event's when it has none. */
static gint64
event_time (const DeskClockStarts *starts,
            DeskClockEvent         event)
{
  for (int i = event; i >= DESK_CLOCK_EVENT_DETECTION; i--)
    if (starts->events[i] != 0)
      return starts->events[i];

  return 0;
}

/**
 * desk_deadline_rule_compute_due:
 * @condition: (nullable): the condition chosen
 * @starts: the incident's times and what its obligations of the rule say
 * @zone: the incident's time zone
 *
 * A stage's clock starts at the time its obligation was set to, else at the incident's event;
 * a stage that counts from an earlier one's filing starts when that was filed, or, until then,
 * when it is due. With a second limit, the earlier deadline counts.
 *
 * Returns: the stage's deadline, or 0 if it has none: no fixed period, or no clock start known
 */
gint64
desk_deadline_rule_compute_due (DeskDeadlineRule        *self,
                                const DeskRuleStage     *stage,
                                const DeskRuleCondition *condition,
                                const DeskClockStarts   *starts,
                                GTimeZone               *zone)
{
  const DeskStageClock *clock = NULL;
  const DeskPeriod *period;
  gint64 start, due;

  g_return_val_if_fail (DESK_IS_DEADLINE_RULE (self), 0);
  g_return_val_if_fail (stage != NULL && starts != NULL && zone != NULL, 0);

  if (stage->from == DESK_CLOCK_EVENT_FILING)
    {
      const DeskStageClock *earlier = starts->stages
                                      ? g_hash_table_lookup (starts->stages, stage->after) : NULL;

      if (earlier != NULL && earlier->filed_at != 0)
        start = earlier->filed_at;
      else
        start = desk_deadline_rule_compute_due (self, find_stage (self->stages, stage->after),
                                                condition, starts, zone);
    }
  else
    {
      if (starts->stages != NULL)
        clock = g_hash_table_lookup (starts->stages, stage->id);
      start = clock && clock->clock_start ? clock->clock_start : event_time (starts, stage->from);
    }

  period = desk_deadline_rule_get_period (self, stage, condition);
  due = desk_period_add (period, calendar_of (self, period), start, zone);

  if (stage->has_latest)
    {
      gint64 latest = desk_period_add (&stage->latest, calendar_of (self, &stage->latest),
                                       event_time (starts, stage->latest_from), zone);

      if (latest != 0 && (due == 0 || latest < due))
        due = latest;
    }

  return due;
}

/* }}} */
/* GListModel {{{ */

static GType
desk_rulebook_get_item_type (GListModel *model)
{
  return DESK_TYPE_DEADLINE_RULE;
}

static guint
desk_rulebook_get_n_items (GListModel *model)
{
  return DESK_RULEBOOK (model)->rules->len;
}

static gpointer
desk_rulebook_get_item (GListModel *model,
                        guint       position)
{
  DeskRulebook *self = DESK_RULEBOOK (model);

  if (position >= self->rules->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rules, position));
}

static void
desk_rulebook_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_rulebook_get_item_type;
  iface->get_n_items = desk_rulebook_get_n_items;
  iface->get_item = desk_rulebook_get_item;
}

/* }}} */
/* DeskRulebook {{{ */

static void
desk_rulebook_finalize (GObject *object)
{
  DeskRulebook *self = DESK_RULEBOOK (object);

  g_ptr_array_unref (self->rules);
  g_hash_table_unref (self->calendars);
  g_clear_error (&self->user_error);

  G_OBJECT_CLASS (desk_rulebook_parent_class)->finalize (object);
}

static void
desk_rulebook_class_init (DeskRulebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_rulebook_finalize;
}

static void
desk_rulebook_init (DeskRulebook *self)
{
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) desk_calendar_unref);
}

/**
 * desk_rulebook_new_from_data:
 * @data: the JSON text of a rules file
 * @length: the length of @data, or -1 if it is nul-terminated
 * @name: how error messages name the data, e.g. its file name
 *
 * Parses rules in the shape documented in docs/deadlines.md, as they are: without translating
 * them and without the built-in rules.
 *
 * Returns: (transfer full): the rulebook, or %NULL with @error set
 */
DeskRulebook *
desk_rulebook_new_from_data (const char  *data,
                             gssize       length,
                             const char  *name,
                             GError     **error)
{
  g_auto(RuleFile) file = { 0 };
  DeskRulebook *self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_file (data, length, name, FALSE, &file, error) ||
      !check_calendars (&file, NULL, name, error))
    return NULL;

  self = g_object_new (DESK_TYPE_RULEBOOK, NULL);
  take_file (self, &file);
  return self;
}

/**
 * desk_rulebook_new_builtin:
 *
 * Parses the rules that ship with Incident Desk (data/deadline-rules.json), in the language of
 * the locale.
 *
 * Returns: (transfer full): the rulebook, or %NULL with @error set
 */
DeskRulebook *
desk_rulebook_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(RuleFile) file = { 0 };
  const char *data;
  gsize size;
  DeskRulebook *self;

  /* See desk_template_load_builtin() for why the bundle is asked for by its getter. */
  bytes = g_resource_lookup_data (desk_core_get_resource (), BUILTIN_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!parse_file (data, size, _("The built-in deadline rules"), TRUE, &file, error) ||
      !check_calendars (&file, NULL, _("The built-in deadline rules"), error))
    return NULL;

  translate_rules (&file);
  self = g_object_new (DESK_TYPE_RULEBOOK, NULL);
  take_file (self, &file);
  return self;
}

/**
 * desk_rulebook_get_user_path:
 *
 * Returns: (transfer full): where people keep rules of their own:
 *   `$XDG_CONFIG_HOME/incident-desk/deadline-rules.json`
 */
char *
desk_rulebook_get_user_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "incident-desk", "deadline-rules.json",
                           NULL);
}

/**
 * desk_rulebook_merge_file:
 * @path: a JSON file in the shape of the built-in rules
 *
 * Adds the rules and calendars of @path to @self; one with the id of one @self has replaces it.
 * A file that does not fit changes nothing.
 *
 * Returns: %TRUE on success, or %FALSE with @error set to a message naming the file, the rule
 *   and the member that is wrong
 */
gboolean
desk_rulebook_merge_file (DeskRulebook  *self,
                          const char    *path,
                          GError       **error)
{
  g_auto(RuleFile) file = { 0 };
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (DESK_IS_RULEBOOK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  name = g_filename_display_name (path);
  if (!parse_file (contents, length, name, FALSE, &file, error) ||
      !check_calendars (&file, self->calendars, name, error))
    return FALSE;

  take_file (self, &file);
  return TRUE;
}

/**
 * desk_rulebook_new_default:
 *
 * The built-in rules, with those of desk_rulebook_get_user_path() when that file exists. A user
 * file that cannot be read or does not fit leaves the built-in rules as they are; then
 * desk_rulebook_get_user_error() says what is wrong with it, for the caller to report.
 *
 * Returns: (transfer full): the rulebook
 */
DeskRulebook *
desk_rulebook_new_default (void)
{
  g_autofree char *path = desk_rulebook_get_user_path ();
  g_autoptr(GError) error = NULL;
  DeskRulebook *self;

  self = desk_rulebook_new_builtin (&error);
  if (self == NULL)
    {
      /* The file is compiled in and tested: this is a bug, not something to report. */
      g_critical ("The built-in deadline rules do not load: %s", error->message);
      return g_object_new (DESK_TYPE_RULEBOOK, NULL);
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      !desk_rulebook_merge_file (self, path, &self->user_error))
    g_debug ("Ignoring %s: %s", path, self->user_error->message);

  return self;
}

/**
 * desk_rulebook_get_user_error:
 *
 * Returns: (transfer none) (nullable): why desk_rulebook_new_default() left the user's file out
 */
const GError *
desk_rulebook_get_user_error (DeskRulebook *self)
{
  g_return_val_if_fail (DESK_IS_RULEBOOK (self), NULL);

  return self->user_error;
}

/**
 * desk_rulebook_get_rules:
 *
 * Returns: (transfer none) (element-type DeskDeadlineRule): the rules, in file order
 */
GPtrArray *
desk_rulebook_get_rules (DeskRulebook *self)
{
  g_return_val_if_fail (DESK_IS_RULEBOOK (self), NULL);

  return self->rules;
}

/* Returns: (transfer none) (nullable): the rule @id, or %NULL if there is none */
DeskDeadlineRule *
desk_rulebook_lookup (DeskRulebook *self,
                      const char   *id)
{
  g_return_val_if_fail (DESK_IS_RULEBOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->rules->len; i++)
    {
      DeskDeadlineRule *rule = g_ptr_array_index (self->rules, i);

      if (g_str_equal (rule->id, id))
        return rule;
    }

  return NULL;
}

/**
 * desk_rulebook_find:
 *
 * Returns: (transfer none): the rule @id, or %NULL with @error set to a message listing the ids
 *   there are
 */
DeskDeadlineRule *
desk_rulebook_find (DeskRulebook  *self,
                    const char    *id,
                    GError       **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  DeskDeadlineRule *rule = desk_rulebook_lookup (self, id);

  if (rule != NULL)
    return rule;

  for (guint i = 0; i < self->rules->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                            ((DeskDeadlineRule *) g_ptr_array_index (self->rules, i))->id);

  g_set_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NOT_FOUND,
               _("There is no deadline rule “%s”; use one of: %s"), id, ids->str);
  return NULL;
}

/* Returns: (transfer none) (nullable): the calendar @id, or %NULL if there is none */
DeskCalendar *
desk_rulebook_get_calendar (DeskRulebook *self,
                            const char   *id)
{
  g_return_val_if_fail (DESK_IS_RULEBOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->calendars, id);
}

/**
 * desk_clock_event_label:
 *
 * Returns: (transfer none): the translated name of @event as it reads after "after", e.g.
 *   "awareness"
 */
const char *
desk_clock_event_label (DeskClockEvent event)
{
  switch (event)
    {
    case DESK_CLOCK_EVENT_DETECTION:
      return C_("clock event", "detection");
    case DESK_CLOCK_EVENT_AWARENESS:
      return C_("clock event", "awareness");
    case DESK_CLOCK_EVENT_DETERMINATION:
      return C_("clock event", "determination");
    case DESK_CLOCK_EVENT_FILING:
      return C_("clock event", "the filing of the earlier report");
    default:
      g_return_val_if_reached ("");
    }
}

/* }}} */
