/* test-rulebook.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The deadline rules: every built-in rule's deadlines for one incident, conditions, stages that
 * count from an earlier filing, people's own rules files and what is wrong with bad ones. */

#include "config.h"

#include <glib/gstdio.h>

#include "desk-rulebook.h"
#include "desk-test-utils.h"
#include "desk-time.h"

/* The incident every expectation below is worked out for, in Tokyo: detected on Tuesday
 * 14 April 2026, known to be a breach on Wednesday, determined to be one (classified major,
 * found material, assessed notifiable) on Friday. */
#define DETECTED   "2026-04-14T09:30:00+09:00"
#define AWARE      "2026-04-15T14:00:00+09:00"
#define DETERMINED "2026-04-17T11:00:00+09:00"

typedef struct
{
  const char *rule;
  const char *condition;
  const char *stage;
  const char *due;      /* NULL: no fixed period */
} Expected;

static const Expected expected[] = {
  /* The PPC counts the day of knowing as the first; day 60 is Saturday 13 June. */
  { "appi", "other", "preliminary", "2026-04-19T23:59:59+09:00" },
  { "appi", "other", "final", "2026-05-14T23:59:59+09:00" },
  { "appi", "unauthorised-access", "final", "2026-06-15T23:59:59+09:00" },
  { "appi", "other", "individuals", NULL },
  { "appi-processor", NULL, "entrusting-business", NULL },
  { "jp-telecom", NULL, "first-report", NULL },
  { "jp-telecom", NULL, "detailed-report", "2026-05-15T23:59:59+09:00" },
  { "gdpr", NULL, "authority", "2026-04-18T14:00:00+09:00" },
  { "gdpr", NULL, "data-subjects", NULL },
  { "gdpr-processor", NULL, "controller", NULL },
  { "uk-gdpr", NULL, "ico", "2026-04-18T14:00:00+09:00" },
  { "uk-gdpr", NULL, "data-subjects", NULL },
  { "nis2", "other", "early-warning", "2026-04-16T14:00:00+09:00" },
  { "nis2", "other", "notification", "2026-04-18T14:00:00+09:00" },
  /* a month after the notification: until it is filed, after its deadline */
  { "nis2", "other", "final-report", "2026-05-18T14:00:00+09:00" },
  { "nis2", "trust-service-provider", "notification", "2026-04-16T14:00:00+09:00" },
  { "nis2", "trust-service-provider", "final-report", "2026-05-16T14:00:00+09:00" },
  { "nis2", "other", "recipients", NULL },
  /* 4 hours after classification, but no later than 24 hours after awareness */
  { "dora", NULL, "initial", "2026-04-16T14:00:00+09:00" },
  { "dora", NULL, "intermediate", "2026-04-19T14:00:00+09:00" },
  { "dora", NULL, "final", "2026-05-19T14:00:00+09:00" },
  { "dora", NULL, "clients", NULL },
  /* Friday + 4 business days */
  { "sec-8k", NULL, "form-8k", "2026-04-23T23:59:59+09:00" },
  { "hipaa", "500-or-more", "individuals", "2026-06-13T23:59:59+09:00" },
  { "hipaa", "500-or-more", "media", "2026-06-13T23:59:59+09:00" },
  { "hipaa", "500-or-more", "hhs", "2026-06-13T23:59:59+09:00" },
  { "hipaa", "fewer-than-500", "hhs", "2027-03-01T23:59:59+09:00" },
  { "hipaa-business-associate", NULL, "covered-entity", "2026-06-13T23:59:59+09:00" },
  { "colorado", NULL, "residents", "2026-05-17T23:59:59+09:00" },
  { "colorado", NULL, "attorney-general", "2026-05-17T23:59:59+09:00" },
  { "florida", "no-extension", "individuals", "2026-05-17T23:59:59+09:00" },
  { "florida", "good-cause-extension", "individuals", "2026-06-01T23:59:59+09:00" },
  { "florida", "no-extension", "attorney-general", "2026-05-17T23:59:59+09:00" },
  { "florida-third-party-agent", NULL, "covered-entity", "2026-04-27T23:59:59+09:00" },
  { "washington", NULL, "residents", "2026-05-14T23:59:59+09:00" },
  { "washington", NULL, "attorney-general", "2026-05-14T23:59:59+09:00" },
  { "washington-data-holder", NULL, "owner", NULL },
  { "texas", NULL, "individuals", "2026-06-16T23:59:59+09:00" },
  { "texas", NULL, "attorney-general", "2026-05-17T23:59:59+09:00" },
  { "california", NULL, "residents", "2026-05-14T23:59:59+09:00" },
  { "california", NULL, "attorney-general", "2026-05-29T23:59:59+09:00" },
  { "california-data-holder", NULL, "owner", NULL },
  { "singapore-pdpa", NULL, "assessment", "2026-05-14T23:59:59+09:00" },
  { "singapore-pdpa", NULL, "pdpc", "2026-04-20T23:59:59+09:00" },
  { "singapore-pdpa", NULL, "individuals", NULL },
  { "singapore-data-intermediary", NULL, "organisation", NULL },
  { "australia-ndb", NULL, "assessment", "2026-05-14T23:59:59+09:00" },
  { "australia-ndb", NULL, "oaic", NULL },
  { "australia-ndb", NULL, "individuals", NULL },
  { "canada-pipeda", NULL, "commissioner", NULL },
  { "canada-pipeda", NULL, "individuals", NULL },
  { "brazil-lgpd", "standard", "anpd", "2026-04-20T23:59:59+09:00" },
  { "brazil-lgpd", "standard", "data-subjects", "2026-04-20T23:59:59+09:00" },
  { "brazil-lgpd", "standard", "supplement", "2026-05-18T23:59:59+09:00" },
  { "brazil-lgpd", "small-processing-agent", "anpd", "2026-04-23T23:59:59+09:00" },
  { "brazil-lgpd", "small-processing-agent", "supplement", "2026-06-18T23:59:59+09:00" },
  { "india-cert-in", NULL, "cert-in", "2026-04-14T15:30:00+09:00" },
  { "india-dpdp", NULL, "board-intimation", NULL },
  { "india-dpdp", NULL, "board-report", "2026-04-18T14:00:00+09:00" },
  { "india-dpdp", NULL, "data-principals", NULL },
};

static DeskRulebook *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  DeskRulebook *rulebook = desk_rulebook_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (rulebook);
  return rulebook;
}

static DeskClockStarts
incident_starts (void)
{
  DeskClockStarts starts = {
    { desk_test_parse_time (DETECTED), desk_test_parse_time (AWARE),
      desk_test_parse_time (DETERMINED) },
    NULL
  };

  return starts;
}

/* Every stage of every built-in rule, under each of its conditions, is in the table, and its
 * deadline is the one worked out by hand. */
static void
test_builtin_every_rule (void)
{
  g_autoptr(DeskRulebook) rulebook = load_builtin ();
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  DeskClockStarts starts = incident_starts ();
  GPtrArray *rules = desk_rulebook_get_rules (rulebook);
  guint n_stages = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rulebook)), ==, rules->len);
  g_assert_cmpuint (rules->len, ==, 26);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Expected *e = &expected[i];
      DeskDeadlineRule *rule = desk_rulebook_lookup (rulebook, e->rule);
      const DeskRuleStage *stage;
      const DeskRuleCondition *condition;
      g_autoptr(GError) error = NULL;
      g_autofree char *due = NULL;
      gint64 seconds;

      g_test_message ("%s (%s) %s", e->rule, e->condition, e->stage);
      g_assert_nonnull (rule);
      stage = desk_deadline_rule_get_stage (rule, e->stage);
      g_assert_nonnull (stage);
      condition = desk_deadline_rule_find_condition (rule, e->condition, &error);
      g_assert_no_error (error);

      seconds = desk_deadline_rule_compute_due (rule, stage, condition, &starts, tokyo);
      if (e->due == NULL)
        {
          g_assert_cmpint (seconds, ==, 0);
          g_assert_cmpint (desk_deadline_rule_get_period (rule, stage, condition)->unit, ==,
                           DESK_PERIOD_UNIT_NONE);
          continue;
        }

      due = desk_time_format_iso_in_zone (seconds, tokyo);
      g_assert_cmpstr (due, ==, e->due);
    }

  /* No stage is left out of the table. */
  for (guint i = 0; i < rules->len; i++)
    {
      DeskDeadlineRule *rule = g_ptr_array_index (rules, i);
      GPtrArray *stages = desk_deadline_rule_get_stages (rule);

      g_assert_true (g_str_has_prefix (desk_deadline_rule_get_source (rule), "https://"));
      g_assert_cmpstr (desk_deadline_rule_get_name (rule), !=, "");
      for (guint j = 0; j < stages->len; j++)
        {
          const DeskRuleStage *stage = g_ptr_array_index (stages, j);
          gboolean found = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (expected) && !found; k++)
            found = g_str_equal (expected[k].rule, desk_deadline_rule_get_id (rule)) &&
                    g_str_equal (expected[k].stage, stage->id);
          if (!found)
            g_error ("%s: stage %s is not tested", desk_deadline_rule_get_id (rule), stage->id);
          n_stages++;
        }
    }
  g_assert_cmpuint (n_stages, ==, 53);
}

/* In Japanese, from the catalogue built from po/ja.po: every name, recipient, label and note of
 * the built-in rules and calendars, and nothing else (ids, sources, periods stay as they are). */
static void
test_builtin_translated (void)
{
  g_autoptr(DeskRulebook) english = load_builtin ();
  g_autoptr(DeskRulebook) japanese = NULL;
  g_autofree char *description = NULL;
  DeskTestLocale saved;
  /* Names that read the same in Japanese. */
  static const char * const same[] = { "GDPR (EU)", "CERT-In", NULL };
  GPtrArray *en_rules = desk_rulebook_get_rules (english);
  GPtrArray *ja_rules;
  DeskDeadlineRule *appi;

  if (!desk_test_use_japanese (&saved))
    return;
  japanese = load_builtin ();
  appi = desk_rulebook_lookup (japanese, "appi");
  description = desk_deadline_rule_describe_stage (appi, desk_deadline_rule_get_stage (appi,
                                                                                       "final"),
                                                   NULL);
  desk_test_restore_locale (&saved);

  g_assert_cmpstr (desk_deadline_rule_get_name (appi), ==, "個人情報保護法 (日本)");
  g_assert_cmpstr (desk_calendar_get_name (desk_rulebook_get_calendar (japanese, "jp")), ==,
                   "日本の行政機関の休日");
  g_assert_true (g_str_has_prefix (description, "認識から 30 暦日、初日を算入"));

  ja_rules = desk_rulebook_get_rules (japanese);
  g_assert_cmpuint (ja_rules->len, ==, en_rules->len);
  for (guint i = 0; i < en_rules->len; i++)
    {
      DeskDeadlineRule *en = g_ptr_array_index (en_rules, i);
      DeskDeadlineRule *ja = g_ptr_array_index (ja_rules, i);
      GPtrArray *en_stages = desk_deadline_rule_get_stages (en);
      GPtrArray *ja_stages = desk_deadline_rule_get_stages (ja);
      GPtrArray *en_conditions = desk_deadline_rule_get_conditions (en);
      GPtrArray *ja_conditions = desk_deadline_rule_get_conditions (ja);

      g_test_message ("%s", desk_deadline_rule_get_id (en));
      g_assert_cmpstr (desk_deadline_rule_get_id (ja), ==, desk_deadline_rule_get_id (en));
      g_assert_cmpstr (desk_deadline_rule_get_source (ja), ==, desk_deadline_rule_get_source (en));
      if (!g_strv_contains (same, desk_deadline_rule_get_name (en)))
        g_assert_cmpstr (desk_deadline_rule_get_name (ja), !=, desk_deadline_rule_get_name (en));
      if (desk_deadline_rule_get_note (en) != NULL)
        g_assert_cmpstr (desk_deadline_rule_get_note (ja), !=, desk_deadline_rule_get_note (en));

      for (guint j = 0; j < en_stages->len; j++)
        {
          const DeskRuleStage *en_stage = g_ptr_array_index (en_stages, j);
          const DeskRuleStage *ja_stage = g_ptr_array_index (ja_stages, j);

          g_assert_cmpstr (ja_stage->id, ==, en_stage->id);
          g_assert_cmpstr (ja_stage->name, !=, en_stage->name);
          if (!g_strv_contains (same, en_stage->recipient))
            g_assert_cmpstr (ja_stage->recipient, !=, en_stage->recipient);
        }

      for (guint j = 0; j < en_conditions->len; j++)
        g_assert_cmpstr (((DeskRuleCondition *) g_ptr_array_index (ja_conditions, j))->label, !=,
                         ((DeskRuleCondition *) g_ptr_array_index (en_conditions, j))->label);
    }
}

/* The rules regulatory.md could not confirm say so. */
static void
test_builtin_uncertain (void)
{
  g_autoptr(DeskRulebook) rulebook = load_builtin ();
  GPtrArray *rules = desk_rulebook_get_rules (rulebook);
  g_autoptr(GString) uncertain = g_string_new (NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      DeskDeadlineRule *rule = g_ptr_array_index (rules, i);

      if (desk_deadline_rule_get_uncertain (rule))
        {
          g_string_append_printf (uncertain, "%s ", desk_deadline_rule_get_id (rule));
          g_assert_nonnull (desk_deadline_rule_get_note (rule));
        }
    }

  g_assert_cmpstr (uncertain->str, ==, "appi appi-processor california ");
}

static void
test_conditions (void)
{
  g_autoptr(DeskRulebook) rulebook = load_builtin ();
  DeskDeadlineRule *appi = desk_rulebook_lookup (rulebook, "appi");
  DeskDeadlineRule *gdpr = desk_rulebook_lookup (rulebook, "gdpr");
  g_autoptr(GError) error = NULL;

  /* A rule with conditions needs one… */
  g_assert_null (desk_deadline_rule_find_condition (appi, NULL, &error));
  g_assert_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NO_CONDITION);
  g_assert_nonnull (strstr (error->message, "APPI (Japan)"));
  g_assert_nonnull (strstr (error->message, "unauthorised-access (Possibly caused by"));
  g_assert_nonnull (strstr (error->message, "other ("));
  g_clear_error (&error);

  /* …of its own… */
  g_assert_null (desk_deadline_rule_find_condition (appi, "malware", &error));
  g_assert_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no condition “malware”"));
  g_assert_nonnull (strstr (error->message, "unauthorised-access"));
  g_clear_error (&error);

  /* …and one without takes none. */
  g_assert_null (desk_deadline_rule_find_condition (gdpr, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (desk_deadline_rule_find_condition (gdpr, "other", &error));
  g_assert_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (desk_rulebook_find (rulebook, "hipa", &error));
  g_assert_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "There is no deadline rule “hipa”"));
  g_assert_nonnull (strstr (error->message, "hipaa, hipaa-business-associate"));
}

/* A filed stage starts the next one's clock at its filing; a stage's own clock start replaces
 * the incident's time. */
static void
test_filed_and_clock_start (void)
{
  g_autoptr(DeskRulebook) rulebook = load_builtin ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GHashTable) stages = g_hash_table_new (g_str_hash, g_str_equal);
  DeskDeadlineRule *nis2 = desk_rulebook_lookup (rulebook, "nis2");
  const DeskRuleCondition *other = desk_deadline_rule_find_condition (nis2, "other", NULL);
  DeskClockStarts starts = incident_starts ();
  DeskStageClock notification = { 0, desk_test_parse_time ("2026-04-16T10:00:00+02:00") };
  DeskStageClock warning = { desk_test_parse_time ("2026-04-20T08:00:00+02:00"), 0 };
  g_autofree char *final = NULL, *early = NULL;

  starts.stages = stages;
  g_hash_table_insert (stages, "notification", &notification);
  g_hash_table_insert (stages, "early-warning", &warning);

  final = desk_time_format_iso_in_zone (
    desk_deadline_rule_compute_due (nis2, desk_deadline_rule_get_stage (nis2, "final-report"),
                                    other, &starts, berlin), berlin);
  g_assert_cmpstr (final, ==, "2026-05-16T10:00:00+02:00");

  early = desk_time_format_iso_in_zone (
    desk_deadline_rule_compute_due (nis2, desk_deadline_rule_get_stage (nis2, "early-warning"),
                                    other, &starts, berlin), berlin);
  g_assert_cmpstr (early, ==, "2026-04-21T08:00:00+02:00");

  /* Without any time, there is no deadline; without awareness, detection stands in for it. */
  memset (&starts, 0, sizeof starts);
  g_assert_cmpint (desk_deadline_rule_compute_due (nis2,
                                                   desk_deadline_rule_get_stage (nis2,
                                                                                 "notification"),
                                                   other, &starts, berlin), ==, 0);
  starts.events[DESK_CLOCK_EVENT_DETECTION] = desk_test_parse_time (DETECTED);
  g_assert_cmpint (desk_deadline_rule_compute_due (nis2,
                                                   desk_deadline_rule_get_stage (nis2,
                                                                                 "notification"),
                                                   other, &starts, berlin), ==,
                   desk_test_parse_time (DETECTED) + 72 * 3600);
}

static void
test_describe (void)
{
  g_autoptr(DeskRulebook) rulebook = load_builtin ();
  DeskDeadlineRule *dora = desk_rulebook_lookup (rulebook, "dora");
  DeskDeadlineRule *hipaa = desk_rulebook_lookup (rulebook, "hipaa");
  DeskDeadlineRule *sec = desk_rulebook_lookup (rulebook, "sec-8k");
  g_autofree char *initial = desk_deadline_rule_describe_stage (
    dora, desk_deadline_rule_get_stage (dora, "initial"), NULL);
  g_autofree char *final = desk_deadline_rule_describe_stage (
    dora, desk_deadline_rule_get_stage (dora, "final"), NULL);
  g_autofree char *clients = desk_deadline_rule_describe_stage (
    dora, desk_deadline_rule_get_stage (dora, "clients"), NULL);
  g_autofree char *hhs = desk_deadline_rule_describe_stage (
    hipaa, desk_deadline_rule_get_stage (hipaa, "hhs"),
    desk_deadline_rule_find_condition (hipaa, "fewer-than-500", NULL));
  g_autofree char *form = desk_deadline_rule_describe_stage (
    sec, desk_deadline_rule_get_stage (sec, "form-8k"), NULL);

  g_assert_cmpstr (initial, ==, "4 hours after determination; at the latest 24 hours after "
                                "awareness");
  g_assert_cmpstr (final, ==, "1 month after the filing of “Intermediate report”");
  g_assert_cmpstr (clients, ==, "no fixed period");
  g_assert_cmpstr (hhs, ==, "60 calendar days after the end of the calendar year of "
                            "detection, to the end of the day");
  g_assert_cmpstr (form, ==, "4 business days (US federal holidays) after determination, to "
                             "the end of the day");
}

/* Rules of people's own, from their configuration folder, join the built-in ones. */
static void
test_user_file (void)
{
  g_autofree char *path = desk_rulebook_get_user_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(DeskRulebook) rulebook = NULL;
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  DeskClockStarts starts = incident_starts ();
  DeskDeadlineRule *gdpr, *contract;
  g_autofree char *due = NULL;
  guint n_builtin;

  {
    g_autoptr(DeskRulebook) builtin = load_builtin ();

    n_builtin = desk_rulebook_get_rules (builtin)->len;
  }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
    "{ \"version\": 1,"
    "  \"calendars\": [ { \"id\": \"de-by\", \"name\": \"Bavarian holidays\","
    "    \"holidays\": [ { \"date\": \"2026-04-17\" } ] } ],"
    "  \"rules\": ["
    "  { \"id\": \"gdpr\", \"name\": \"GDPR, our reading\", \"source\": \"https://example.org\","
    "    \"stages\": [ { \"id\": \"authority\", \"name\": \"Notification\","
    "      \"recipient\": \"BayLDA\", \"from\": \"detection\", \"period\": { \"hours\": 48 } } ] },"
    "  { \"id\": \"contract-acme\", \"name\": \"ACME contract\","
    "    \"source\": \"https://example.org/contract\","
    "    \"stages\": [ { \"id\": \"notice\", \"name\": \"Notice\", \"recipient\": \"ACME\","
    "      \"from\": \"awareness\","
    "      \"period\": { \"business_days\": 1, \"calendar\": \"de-by\" } } ] } ] }",
    -1, NULL));

  rulebook = desk_rulebook_new_default ();
  g_assert_null (desk_rulebook_get_user_error (rulebook));
  g_assert_cmpuint (desk_rulebook_get_rules (rulebook)->len, ==, n_builtin + 1);

  /* The same id replaces the built-in rule, in its place. */
  gdpr = desk_rulebook_lookup (rulebook, "gdpr");
  g_assert_true (g_ptr_array_index (desk_rulebook_get_rules (rulebook), 3) == gdpr);
  g_assert_cmpstr (desk_deadline_rule_get_name (gdpr), ==, "GDPR, our reading");
  g_assert_cmpuint (desk_deadline_rule_get_stages (gdpr)->len, ==, 1);

  /* A new one comes last, with its own calendar: Friday 17 April is a holiday. */
  contract = desk_rulebook_lookup (rulebook, "contract-acme");
  g_assert_true (g_ptr_array_index (desk_rulebook_get_rules (rulebook), n_builtin) == contract);
  due = desk_time_format_iso_in_zone (
    desk_deadline_rule_compute_due (contract, desk_deadline_rule_get_stage (contract, "notice"),
                                    NULL, &starts, tokyo), tokyo);
  g_assert_cmpstr (due, ==, "2026-04-16T14:00:00+09:00");
  starts.events[DESK_CLOCK_EVENT_AWARENESS] = desk_test_parse_time ("2026-04-16T14:00:00+09:00");
  g_clear_pointer (&due, g_free);
  due = desk_time_format_iso_in_zone (
    desk_deadline_rule_compute_due (contract, desk_deadline_rule_get_stage (contract, "notice"),
                                    NULL, &starts, tokyo), tokyo);
  g_assert_cmpstr (due, ==, "2026-04-20T14:00:00+09:00");

  /* The built-in calendars stay for the built-in rules. */
  g_assert_nonnull (desk_rulebook_get_calendar (rulebook, "jp"));
  g_assert_nonnull (desk_rulebook_get_calendar (rulebook, "de-by"));

  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A user file that does not fit is reported, and the built-in rules load without it. */
static void
test_user_file_malformed (void)
{
  g_autofree char *path = desk_rulebook_get_user_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(DeskRulebook) rulebook = NULL;
  const GError *error;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
    "{ \"rules\": [ { \"id\": \"gdpr\", \"name\": \"Broken\", \"source\": \"https://x.org\","
    "  \"stages\": [ { \"id\": \"a\", \"name\": \"A\", \"recipient\": \"R\", \"from\": \"dawn\","
    "  \"period\": { \"hours\": 1 } } ] } ] }", -1, NULL));

  rulebook = desk_rulebook_new_default ();
  error = desk_rulebook_get_user_error (rulebook);
  g_assert_nonnull (error);
  g_assert_error ((GError *) error, DESK_RULES_ERROR, DESK_RULES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "deadline-rules.json, rule 1 (“gdpr”), stage 1"));
  g_assert_nonnull (strstr (error->message, "“from” must be “detection”, “awareness” or "
                                            "“determination”, not “dawn”"));
  g_assert_cmpstr (desk_deadline_rule_get_name (desk_rulebook_lookup (rulebook, "gdpr")), ==,
                   "GDPR (EU)");
  g_assert_cmpuint (desk_rulebook_get_rules (rulebook)->len, ==, 26);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_invalid (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "t.json: expected a JSON object with a “rules” array" },
    { "{ \"version\": 2, \"rules\": [] }", "t.json is in format version 2" },
    { "{ \"rules\": [] }", "t.json: “rules” is empty" },
    { "{ \"rules\": [ { \"id\": \"Bad Id\" } ] }",
      "t.json, rule 1: the id “Bad Id” may contain only lower-case letters" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"ftp://x\","
      " \"stages\": [] } ] }", "t.json, rule 1 (“r”): “source” must be a web address" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [] } ] }", "t.json, rule 1 (“r”): “stages” is empty" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\" } ] } ] }", "t.json, rule 1 (“r”), stage 1: “period” is missing" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\", \"period\": { \"hours\": 72, \"calendar_days\": 3 } } ] } ] }",
      "stage 1: give exactly one of" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\", \"period\": { \"hours\": 0 } } ] } ] }",
      "stage 1: “hours” must be a whole number from 1 to 87600" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\", \"period\": { \"hours\": 72, \"end_of_day\": true } } ] } ] }",
      "do not apply to hours" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"after\": \"t\", \"period\": null } ] } ] }",
      "stage 1: “after” must name an earlier stage, not “t”" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\", \"period\": { \"business_days\": 3, \"calendar\": \"xx\" } }"
      " ] } ] }", "t.json, rule “r”: there is no calendar “xx”" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"conditions\": [ { \"name\": \"c\", \"label\": \"C\","
      " \"periods\": { \"t\": { \"hours\": 1 } } } ],"
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\", \"period\": null } ] } ] }",
      "condition 1: “periods” names “t”, which is not a stage" },
    { "{ \"calendars\": [ { \"id\": \"c\", \"name\": \"C\","
      " \"holidays\": [ { \"date\": \"2026-02-30\" } ] } ], \"rules\": [ { \"id\": \"r\","
      " \"name\": \"R\", \"source\": \"https://x\", \"stages\": [ { \"id\": \"s\","
      " \"name\": \"S\", \"recipient\": \"X\", \"from\": \"awareness\", \"period\": null } ] } ] }",
      "t.json, calendar 1 (“c”), holiday 1: “2026-02-30” is not a date" },
    { "{ \"rules\": [ { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\", \"period\": null } ] },"
      " { \"id\": \"r\", \"name\": \"R\", \"source\": \"https://x\","
      " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"recipient\": \"X\","
      " \"from\": \"awareness\", \"period\": null } ] } ] }",
      "t.json, rule 2: the id “r” is used by an earlier rule too" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskRulebook) rulebook = desk_rulebook_new_from_data (cases[i].json, -1,
                                                                      "t.json", &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (rulebook);
      g_assert_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/desk/rulebook/builtin/every-rule", test_builtin_every_rule);
  g_test_add_func ("/desk/rulebook/builtin/translated", test_builtin_translated);
  g_test_add_func ("/desk/rulebook/builtin/uncertain", test_builtin_uncertain);
  g_test_add_func ("/desk/rulebook/conditions", test_conditions);
  g_test_add_func ("/desk/rulebook/filed-and-clock-start", test_filed_and_clock_start);
  g_test_add_func ("/desk/rulebook/describe", test_describe);
  g_test_add_func ("/desk/rulebook/user-file", test_user_file);
  g_test_add_func ("/desk/rulebook/user-file/malformed", test_user_file_malformed);
  g_test_add_func ("/desk/rulebook/invalid", test_invalid);

  return g_test_run ();
}
