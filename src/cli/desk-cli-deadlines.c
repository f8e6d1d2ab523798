/* desk-cli-deadlines.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* idesk rules, obligation add|set, customer terms and deadlines: the regulatory clocks and the
 * customers' contractual ones, for scripts and tests. */

#define G_LOG_DOMAIN "desk-cli-deadlines"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-labels.h"
#include "desk-time.h"

/* Longest a contract can promise: ten years of hours, as the rules allow. */
#define MAX_NOTICE_HOURS 87600

/* Says on standard error when the user's rules file was left out; returns @rulebook. */
static DeskRulebook *
warn_about_user_rules (DeskRulebook *rulebook)
{
  const GError *user_error = desk_rulebook_get_user_error (rulebook);

  if (user_error != NULL)
    /* Translators: %s says what is wrong with the user's rules file */
    g_printerr (_("idesk: warning: %s; the built-in rules are used without that file\n"),
                user_error->message);

  return rulebook;
}

static GTimeZone *
incident_zone (DeskRecord *incident)
{
  return desk_time_zone_for (desk_record_get_string (incident, "time-zone"));
}

/* "—" for no time, else ISO 8601 in the incident's zone. */
static char *
format_in_zone (gint64     seconds,
                GTimeZone *zone)
{
  return seconds ? desk_time_format_iso_in_zone (seconds, zone) : g_strdup ("—");
}

/* idesk rules {{{ */

static void
add_period_json (JsonBuilder      *builder,
                 const DeskPeriod *period)
{
  if (period->unit == DESK_PERIOD_UNIT_NONE)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder,
                                 desk_cli_enum_nick (DESK_TYPE_PERIOD_UNIT, period->unit));
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, period->amount);
  json_builder_set_member_name (builder, "end_of_day");
  json_builder_add_boolean_value (builder, period->end_of_day);
  json_builder_set_member_name (builder, "first_day_counts");
  json_builder_add_boolean_value (builder, period->first_day_counts);
  json_builder_set_member_name (builder, "roll_forward");
  json_builder_add_boolean_value (builder, period->roll_forward);
  json_builder_set_member_name (builder, "after_year_end");
  json_builder_add_boolean_value (builder, period->after_year_end);
  json_builder_set_member_name (builder, "calendar");
  json_builder_add_string_value (builder, period->calendar);
  json_builder_end_object (builder);
}

static void
add_stage_json (JsonBuilder          *builder,
                DeskDeadlineRule     *rule,
                const DeskRuleStage  *stage)
{
  GPtrArray *conditions = desk_deadline_rule_get_conditions (rule);
  g_autofree char *description = desk_deadline_rule_describe_stage (rule, stage, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, stage->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, stage->name);
  json_builder_set_member_name (builder, "recipient");
  json_builder_add_string_value (builder, stage->recipient);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder,
                                 desk_cli_enum_nick (DESK_TYPE_CLOCK_EVENT, stage->from));
  json_builder_set_member_name (builder, "after");
  json_builder_add_string_value (builder, stage->after);
  json_builder_set_member_name (builder, "period");
  add_period_json (builder, &stage->period);
  json_builder_set_member_name (builder, "latest");
  if (stage->has_latest)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, desk_cli_enum_nick (DESK_TYPE_CLOCK_EVENT,
                                                                  stage->latest_from));
      json_builder_set_member_name (builder, "period");
      add_period_json (builder, &stage->latest);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "guidance");
  json_builder_add_boolean_value (builder, stage->guidance);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description);

  /* The periods the conditions change. */
  json_builder_set_member_name (builder, "periods_by_condition");
  json_builder_begin_object (builder);
  for (guint i = 0; i < conditions->len; i++)
    {
      const DeskRuleCondition *condition = g_ptr_array_index (conditions, i);
      const DeskPeriod *period = g_hash_table_lookup (condition->periods, stage->id);

      if (period == NULL)
        continue;
      json_builder_set_member_name (builder, condition->name);
      add_period_json (builder, period);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static JsonNode *
rule_to_json (DeskDeadlineRule *rule)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *stages = desk_deadline_rule_get_stages (rule);
  GPtrArray *conditions = desk_deadline_rule_get_conditions (rule);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, desk_deadline_rule_get_id (rule));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, desk_deadline_rule_get_name (rule));
  json_builder_set_member_name (builder, "law");
  json_builder_add_string_value (builder, desk_deadline_rule_get_law (rule));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, desk_deadline_rule_get_source (rule));
  json_builder_set_member_name (builder, "uncertain");
  json_builder_add_boolean_value (builder, desk_deadline_rule_get_uncertain (rule));
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, desk_deadline_rule_get_note (rule));

  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conditions->len; i++)
    {
      const DeskRuleCondition *condition = g_ptr_array_index (conditions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, condition->name);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, condition->label);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stages->len; i++)
    add_stage_json (builder, rule, g_ptr_array_index (stages, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_rule (DeskDeadlineRule *rule)
{
  GPtrArray *stages = desk_deadline_rule_get_stages (rule);
  GPtrArray *conditions = desk_deadline_rule_get_conditions (rule);
  gsize width = 0;

  g_print ("%s  %s%s\n", desk_deadline_rule_get_id (rule), desk_deadline_rule_get_name (rule),
           desk_deadline_rule_get_uncertain (rule) ? _(" (to be verified)") : "");

  for (guint i = 0; i < conditions->len; i++)
    {
      const DeskRuleCondition *condition = g_ptr_array_index (conditions, i);

      /* Translators: a condition of a deadline rule: its name and what it means */
      g_print (_("  if %s: %s\n"), condition->name, condition->label);
    }

  for (guint i = 0; i < stages->len; i++)
    width = MAX (width, desk_cli_text_width (((DeskRuleStage *) g_ptr_array_index (stages,
                                                                                  i))->id));

  for (guint i = 0; i < stages->len; i++)
    {
      const DeskRuleStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *description = desk_deadline_rule_describe_stage (rule, stage, NULL);

      /* Translators: a stage of a deadline rule: its name, who is told, by when, e.g.
       * "Final report → Personal Information Protection Commission: 30 calendar days…" */
      g_print ("  %s%*s  ", stage->id, desk_cli_padding (stage->id, width), "");
      g_print (_("%s → %s: %s"), stage->name, stage->recipient, description);
      g_print ("%s\n", stage->guidance ? _(" (guidance)") : "");

      for (guint j = 0; j < conditions->len; j++)
        {
          const DeskRuleCondition *condition = g_ptr_array_index (conditions, j);
          g_autofree char *other = NULL;

          if (!g_hash_table_contains (condition->periods, stage->id))
            continue;
          other = desk_deadline_rule_describe_stage (rule, stage, condition);
          g_print ("  %*s  ", (int) width, "");
          g_print (_("if %s: %s\n"), condition->name, other);
        }
    }
}

int
desk_cli_rules (int    argc,
                char **argv)
{
  g_autofree char *path = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &path,
      N_("Check a rules file of your own and list the rules as they would be with it, instead "
         "of with the one in your configuration folder"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskRulebook) rulebook = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rules;
  int status;

  if (!desk_cli_parse ("rules", NULL,
                       _("List the notification deadline rules: the built-in ones and those of "
                         "your own file, with their stages, periods and conditions. “idesk "
                         "obligation add” takes the id."),
                       entries, &argc, &argv, &status))
    return status;

  /* A file of one's own is checked as it would join the built-in rules, whose calendars it may
   * name. */
  if (path != NULL)
    {
      if (!(rulebook = desk_rulebook_new_builtin (&error)) ||
          !desk_rulebook_merge_file (rulebook, path, &error))
        return desk_cli_fail (error);
    }
  else
    rulebook = warn_about_user_rules (desk_rulebook_new_default ());

  rules = desk_rulebook_get_rules (rulebook);
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (rules->len);

      for (guint i = 0; i < rules->len; i++)
        json_array_add_element (array, rule_to_json (g_ptr_array_index (rules, i)));
      json_node_take_array (root, array);
      desk_cli_print_json (root);
      return DESK_CLI_OK;
    }

  for (guint i = 0; i < rules->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_rule (g_ptr_array_index (rules, i));
    }

  return DESK_CLI_OK;
}

/* }}} */
/* idesk obligation add|set {{{ */

static void
print_obligation (DeskRecord *obligation,
                  GTimeZone  *zone)
{
  g_autofree char *due = format_in_zone (desk_record_get_int (obligation, "due-at"), zone);
  const char *stage = desk_record_get_string (obligation, "stage");

  g_print ("%s  %s%*s  %s%*s  %s\n", desk_record_get_uuid (obligation), stage,
           desk_cli_padding (stage, 16), "", due, desk_cli_padding (due, 25), "",
           desk_obligation_status_label (desk_record_get_enum (obligation, "status")));
}

int
desk_cli_obligation_add (int    argc,
                         char **argv)
{
  g_autofree char *incident_id = NULL, *rule_id = NULL, *condition = NULL;
  g_autofree char *clock_start = NULL;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("The incident (UUID or unique prefix)"), N_("ID") },
    { "rule", 'r', 0, G_OPTION_ARG_STRING, &rule_id,
      N_("The rule, as “idesk rules” lists it"), N_("RULE_ID") },
    { "clock-start", 0, 0, G_OPTION_ARG_STRING, &clock_start,
      N_("When the clocks start (default: the incident's detection, awareness or "
         "determination, as each stage says)"), N_("ISO8601") },
    { "condition", 'c', 0, G_OPTION_ARG_STRING, &condition,
      N_("The condition the rule's periods depend on, if it has conditions"), N_("NAME") },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  DeskDeadlineRule *rule;
  gint64 start = 0;
  int status;

  if (!desk_cli_parse ("obligation add", NULL,
                       _("Apply a deadline rule to an incident: one obligation for each of its "
                         "stages, printed with its id and due time."),
                       entries, &argc, &argv, &status))
    return status;
  if (incident_id == NULL)
    return desk_cli_usage_error (_("--incident is required"));
  if (rule_id == NULL)
    return desk_cli_usage_error (_("--rule is required"));

  if (!(store = desk_cli_open_store (&error)))
    return desk_cli_fail (error);

  /* The rule and its condition first, so that a wrong one names those there are. */
  rule = desk_rulebook_find (warn_about_user_rules (desk_store_get_rulebook (store)), rule_id,
                             &error);
  if (rule == NULL ||
      (!desk_deadline_rule_find_condition (rule, condition, &error) && error != NULL) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error)))
    return desk_cli_fail (error);

  zone = incident_zone (incident);
  if (clock_start != NULL && !desk_time_parse (clock_start, zone, &start, &error))
    return desk_cli_usage_error ("%s", error->message);

  if (!(obligations = desk_store_add_obligations (store, DESK_INCIDENT (incident), rule_id,
                                                  condition, start, &error)))
    return desk_cli_fail (error);

  for (guint i = 0; i < obligations->len; i++)
    print_obligation (g_ptr_array_index (obligations, i), zone);

  return DESK_CLI_OK;
}

int
desk_cli_obligation_set (int    argc,
                         char **argv)
{
  g_autofree char *status_nick = NULL, *filed_at = NULL, *reference = NULL, *note = NULL;
  g_autofree char *condition = NULL, *clock_start = NULL;
  const GOptionEntry entries[] = {
    { "status", 's', 0, G_OPTION_ARG_STRING, &status_nick,
      N_("open, filed or not-applicable"), N_("STATUS") },
    { "filed-at", 0, 0, G_OPTION_ARG_STRING, &filed_at,
      N_("When it was filed (default: now, when the status becomes filed)"), N_("ISO8601") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The regulator's reference for the filing"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { "condition", 'c', 0, G_OPTION_ARG_STRING, &condition,
      N_("The condition the rule's periods depend on"), N_("NAME") },
    { "clock-start", 0, 0, G_OPTION_ARG_STRING, &clock_start,
      N_("When its clock starts, or “none” for the incident's time"), N_("ISO8601") },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) obligation = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  int value, status;
  gint64 seconds;

  if (!desk_cli_parse ("obligation set", N_("ID"),
                       _("Change an obligation: its status, filing time, reference, note, "
                         "condition or clock start. ID is its UUID or a unique prefix of it, as "
                         "“idesk deadlines” shows it."),
                       entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return desk_cli_usage_error (_("No obligation id given"));

  if (!(store = desk_cli_open_store (&error)) ||
      !(obligation = desk_store_lookup (store, DESK_TYPE_OBLIGATION, argv[1], &error)) ||
      !(incident = desk_store_load (store, DESK_TYPE_INCIDENT,
                                    desk_record_get_int (obligation, "incident-id"), &error)))
    return desk_cli_fail (error);

  zone = incident_zone (incident);
  if (status_nick != NULL)
    {
      if (!desk_cli_parse_nick (DESK_TYPE_OBLIGATION_STATUS, "status", status_nick, &value,
                                &error))
        return desk_cli_usage_error ("%s", error->message);
      desk_record_set_enum (obligation, "status", value);
    }
  if (filed_at != NULL)
    {
      if (!desk_time_parse (filed_at, zone, &seconds, &error))
        return desk_cli_usage_error ("%s", error->message);
      desk_record_set_int (obligation, "filed-at", seconds);
    }
  if (clock_start != NULL)
    {
      if (g_str_equal (clock_start, "none"))
        seconds = 0;
      else if (!desk_time_parse (clock_start, zone, &seconds, &error))
        return desk_cli_usage_error ("%s", error->message);
      desk_record_set_int (obligation, "clock-start", seconds);
    }
  if (reference != NULL)
    desk_record_set_string (obligation, "reference", reference);
  if (note != NULL)
    desk_record_set_string (obligation, "note", note);
  if (condition != NULL)
    desk_record_set_string (obligation, "condition", condition);

  if (!desk_store_save (store, obligation, &error))
    return desk_cli_fail (error);

  print_obligation (obligation, zone);
  return DESK_CLI_OK;
}

/* }}} */
/* idesk customer terms {{{ */

int
desk_cli_customer_terms (int    argc,
                         char **argv)
{
  g_autofree char *contract_id = NULL, *after = NULL;
  gint64 hours = -1;
  const GOptionEntry entries[] = {
    { "customer", 'c', 0, G_OPTION_ARG_STRING, &contract_id, N_("The customer's contract ID"),
      N_("CONTRACT") },
    { "hours", 0, 0, G_OPTION_ARG_INT64, &hours,
      N_("Hours the contract gives to notify the customer; 0 for none"), N_("N") },
    { "after", 0, 0, G_OPTION_ARG_STRING, &after,
      N_("What the hours count from: detection (the default) or confirmation that the "
         "customer is affected"), N_("EVENT") },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  int basis = DESK_NOTICE_BASIS_DETECTION;
  int status;

  if (!desk_cli_parse ("customer terms", NULL,
                       _("Set a customer's contractual notification deadline, which gives each of "
                         "its ledger rows a due time, and print those due times, in the "
                         "incident's time zone."),
                       entries, &argc, &argv, &status))
    return status;
  if (contract_id == NULL)
    return desk_cli_usage_error (_("--customer is required"));
  if (hours < 0)
    return desk_cli_usage_error (_("--hours is required"));
  if (hours > MAX_NOTICE_HOURS)
    return desk_cli_usage_error (_("--hours must be at most %d"), MAX_NOTICE_HOURS);
  if (after != NULL && !desk_cli_parse_nick (DESK_TYPE_NOTICE_BASIS, "--after", after, &basis,
                                               &error))
    return desk_cli_usage_error ("%s", error->message);

  if (!(store = desk_cli_open_store (&error)) ||
      !(customer = desk_store_find_customer (store, contract_id, &error)))
    return desk_cli_fail (error);

  desk_record_set_int (DESK_RECORD (customer), "notice-hours", hours);
  desk_record_set_enum (DESK_RECORD (customer), "notice-basis", basis);
  if (!desk_store_save (store, DESK_RECORD (customer), &error) ||
      !(links = desk_store_list (store, DESK_TYPE_AFFECTED, "customer-id",
                                 desk_record_get_id (DESK_RECORD (customer)), &error)))
    return desk_cli_fail (error);

  for (guint i = 0; i < links->len; i++)
    {
      DeskRecord *link = g_ptr_array_index (links, i);
      g_autoptr(DeskRecord) incident = NULL;
      g_autoptr(GPtrArray) ledger = NULL;
      g_autoptr(GTimeZone) zone = NULL;

      if (!(incident = desk_store_load (store, DESK_TYPE_INCIDENT,
                                        desk_record_get_int (link, "incident-id"), &error)) ||
          !(ledger = desk_store_list (store, DESK_TYPE_NOTIFICATION, "affected-id",
                                      desk_record_get_id (link), &error)))
        return desk_cli_fail (error);

      zone = incident_zone (incident);
      for (guint j = 0; j < ledger->len; j++)
        {
          g_autofree char *due = format_in_zone (desk_record_get_int (g_ptr_array_index (ledger,
                                                                                         j),
                                                                      "due-at"), zone);

          g_print ("%.8s  %s  %s\n", desk_record_get_uuid (incident), due,
                   desk_record_get_string (incident, "title"));
        }
    }

  return DESK_CLI_OK;
}

/* }}} */
/* idesk deadlines {{{ */

static JsonNode *
deadline_to_json (DeskDeadline *deadline,
                  GHashTable   *incident_uuids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  DeskRecord *record = desk_deadline_get_record (deadline);
  gboolean obligation = desk_deadline_get_kind (deadline) == DESK_DEADLINE_KIND_OBLIGATION;
  g_autofree char *due = desk_deadline_format_due (deadline);
  g_autofree char *done = desk_deadline_get_done_at (deadline)
                          ? desk_time_format_iso (desk_deadline_get_done_at (deadline)) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, desk_record_get_uuid (record));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, desk_cli_enum_nick (DESK_TYPE_DEADLINE_KIND,
                                                   desk_deadline_get_kind (deadline)));
  json_builder_set_member_name (builder, "incident");
  json_builder_add_string_value (builder,
                                 g_hash_table_lookup (incident_uuids,
                                                      &(gint64) {
                                                        desk_deadline_get_incident_id (deadline)
                                                      }));
  json_builder_set_member_name (builder, "incident_title");
  json_builder_add_string_value (builder, desk_deadline_get_incident_title (deadline));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, desk_deadline_get_title (deadline));
  json_builder_set_member_name (builder, "recipient");
  json_builder_add_string_value (builder, desk_deadline_get_recipient (deadline));
  if (obligation)
    {
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, desk_record_get_string (record, "rule"));
      json_builder_set_member_name (builder, "stage");
      json_builder_add_string_value (builder, desk_record_get_string (record, "stage"));
      json_builder_set_member_name (builder, "condition");
      json_builder_add_string_value (builder, desk_record_get_string (record, "condition"));
    }
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder,
                                 desk_cli_enum_nick (obligation ? DESK_TYPE_OBLIGATION_STATUS
                                                     : DESK_TYPE_NOTIFICATION_STATUS,
                                          desk_record_get_enum (record, "status")));
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, due);
  json_builder_set_member_name (builder, "time_zone");
  json_builder_add_string_value (builder, desk_deadline_get_time_zone (deadline));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, desk_cli_enum_nick (DESK_TYPE_DEADLINE_STATE,
                                                   desk_deadline_get_state (deadline)));
  json_builder_set_member_name (builder, "done_at");
  json_builder_add_string_value (builder, done);
  json_builder_set_member_name (builder, "uncertain");
  json_builder_add_boolean_value (builder, desk_deadline_get_uncertain (deadline));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Returns: the terminal columns of the widest deadline state, in the language of the messages */
static gsize
state_column_width (void)
{
  gsize width = 0;

  for (DeskDeadlineState i = DESK_DEADLINE_STATE_UPCOMING; i <= DESK_DEADLINE_STATE_DONE; i++)
    width = MAX (width, desk_cli_text_width (desk_deadline_state_label (i)));

  return width;
}

int
desk_cli_deadlines (int    argc,
                    char **argv)
{
  g_autofree char *incident_id = NULL;
  gboolean json = FALSE, pending = FALSE;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("Only this incident's (UUID or unique prefix)"), N_("ID") },
    { "pending", 0, 0, G_OPTION_ARG_NONE, &pending,
      N_("Leave out what was filed, sent or does not apply"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GError) error = NULL;
  JsonArray *array = json_array_new ();
  gsize state_width = state_column_width ();
  int status;

  json_node_take_array (root, array);
  if (!desk_cli_parse ("deadlines", NULL,
                       _("List the obligations and the notices with a deadline, by due time: "
                         "when each is due, in its incident's time zone, and whether it is "
                         "upcoming, overdue or done."),
                       entries, &argc, &argv, &status))
    return status;

  if (!(store = desk_cli_open_store (&error)) ||
      (incident_id != NULL &&
       !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error))) ||
      !(incidents = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, &error)))
    return desk_cli_fail (error);

  warn_about_user_rules (desk_store_get_rulebook (store));
  if (!(deadlines = desk_store_list_deadlines (store, incident ? desk_record_get_id (incident) : 0,
                                               &error)))
    return desk_cli_fail (error);

  for (guint i = 0; i < incidents->len; i++)
    {
      DeskRecord *record = g_ptr_array_index (incidents, i);
      gint64 *id = g_new (gint64, 1);

      *id = desk_record_get_id (record);
      g_hash_table_insert (uuids, id, (gpointer) desk_record_get_uuid (record));
    }

  for (guint i = 0; i < deadlines->len; i++)
    {
      DeskDeadline *deadline = g_ptr_array_index (deadlines, i);
      const char *state = desk_deadline_state_label (desk_deadline_get_state (deadline));
      g_autofree char *due = NULL;

      if (pending && desk_deadline_is_done (deadline))
        continue;

      if (json)
        {
          json_array_add_element (array, deadline_to_json (deadline, uuids));
          continue;
        }

      if (!(due = desk_deadline_format_due (deadline)))
        due = g_strdup ("—");
      g_print ("%s%*s  %s%*s  %.8s  %s%s", due, desk_cli_padding (due, 25), "", state,
               desk_cli_padding (state, state_width), "",
               desk_record_get_uuid (desk_deadline_get_record (deadline)),
               desk_deadline_get_title (deadline),
               desk_deadline_get_uncertain (deadline) ? _(" (to be verified)") : "");
      if (incident == NULL)
        g_print ("  (%s)", desk_deadline_get_incident_title (deadline));
      g_print ("\n");
    }

  if (json)
    desk_cli_print_json (root);

  return DESK_CLI_OK;
}

/* }}} */
