/* desk-cli-incident.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli-incident"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-time.h"

/* Sets the enumeration field @name of @record from its nick, e.g. "high". */
static gboolean
set_enum_from_nick (DeskRecord  *record,
                    const char  *name,
                    const char  *nick,
                    GError     **error)
{
  const DeskField *field = desk_record_class_find_field (DESK_RECORD_GET_CLASS (record), name);
  int value;

  if (!desk_cli_parse_nick (field->pspec->value_type, name, nick, &value, error))
    return FALSE;

  desk_record_set_enum (record, name, value);
  return TRUE;
}

/* Reads @text, if given, into the time field @name; a time without a zone is in @zone. */
static gboolean
set_time (DeskRecord  *record,
          const char  *name,
          const char  *text,
          GTimeZone   *zone,
          GError     **error)
{
  gint64 seconds;

  if (text == NULL)
    return TRUE;

  if (!desk_time_parse (text, zone, &seconds, error))
    return FALSE;

  desk_record_set_int (record, name, seconds);
  return TRUE;
}

/* What `incident add` and `incident set` both take: the times, those that start regulatory
 * clocks included, the zone they are read in, and the announced estimates. */
typedef struct
{
  char   *occurred;
  char   *detected;
  char   *aware;
  char   *determined;
  char   *disclosed;
  char   *time_zone;
  gint64  estimated_potential;   /* G_MININT64: not given */
  gint64  estimated_confirmed;
} IncidentFacts;

#define INCIDENT_FACTS_INIT { .estimated_potential = G_MININT64, \
                              .estimated_confirmed = G_MININT64 }

/* Their options, but --detected, whose default differs. */
#define INCIDENT_FACT_ENTRIES(facts) \
    { "occurred", 0, 0, G_OPTION_ARG_STRING, &(facts).occurred, N_("When it happened"), \
      N_("ISO8601") }, \
    { "aware", 0, 0, G_OPTION_ARG_STRING, &(facts).aware, \
      N_("When it was known to be a breach, if later than its detection"), N_("ISO8601") }, \
    { "determined", 0, 0, G_OPTION_ARG_STRING, &(facts).determined, \
      N_("When it was determined to be reportable (found material, classified major…)"), \
      N_("ISO8601") }, \
    { "disclosed", 0, 0, G_OPTION_ARG_STRING, &(facts).disclosed, N_("When it was disclosed"), \
      N_("ISO8601") }, \
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &(facts).time_zone, \
      N_("The incident's time zone, e.g. Asia/Tokyo (a new incident's default: the local one); " \
         "times without a zone are read in it"), N_("ZONE") }, \
    { "estimated-potential", 0, 0, G_OPTION_ARG_INT64, &(facts).estimated_potential, \
      N_("Accounts announced as potentially affected"), N_("N") }, \
    { "estimated-confirmed", 0, 0, G_OPTION_ARG_INT64, &(facts).estimated_confirmed, \
      N_("Accounts announced as confirmed"), N_("N") }

static void
incident_facts_clear (IncidentFacts *facts)
{
  g_free (facts->occurred);
  g_free (facts->detected);
  g_free (facts->aware);
  g_free (facts->determined);
  g_free (facts->disclosed);
  g_free (facts->time_zone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IncidentFacts, incident_facts_clear)

static gboolean
set_estimate (DeskRecord  *incident,
              const char  *name,
              gint64       value,
              GError     **error)
{
  if (value == G_MININT64)
    return TRUE;

  if (value < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Estimates cannot be negative"));
      return FALSE;
    }

  desk_record_set_int (incident, name, value);
  return TRUE;
}

/* Sets what was given: the zone first, since times without a zone are read in it. */
static gboolean
set_facts (DeskRecord     *incident,
           IncidentFacts  *facts,
           GError        **error)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (facts->time_zone != NULL)
    desk_record_set_string (incident, "time-zone", facts->time_zone);
  if (!(zone = desk_time_zone_new (desk_record_get_string (incident, "time-zone"), error)))
    return FALSE;

  return set_time (incident, "occurred-at", facts->occurred, zone, error) &&
         set_time (incident, "detected-at", facts->detected, zone, error) &&
         set_time (incident, "aware-at", facts->aware, zone, error) &&
         set_time (incident, "determined-at", facts->determined, zone, error) &&
         set_time (incident, "disclosed-at", facts->disclosed, zone, error) &&
         set_estimate (incident, "estimated-potential", facts->estimated_potential, error) &&
         set_estimate (incident, "estimated-confirmed", facts->estimated_confirmed, error);
}

int
desk_cli_incident_add (int    argc,
                       char **argv)
{
  g_autofree char *title = NULL, *service = NULL, *severity = NULL, *status_nick = NULL;
  g_autofree char *cause = NULL, *summary = NULL;
  g_auto(IncidentFacts) facts = INCIDENT_FACTS_INIT;
  g_auto(GStrv) refs = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title (required)"), N_("TEXT") },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, N_("Affected service"), N_("NAME") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity,
      N_("low, medium, high or critical (default: medium)"), N_("LEVEL") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_nick,
      N_("detected, investigating, contained, recovered or closed"), N_("STATUS") },
    { "detected", 0, 0, G_OPTION_ARG_STRING, &facts.detected,
      N_("When it was detected (default: now)"), N_("ISO8601") },
    { "cause", 0, 0, G_OPTION_ARG_STRING, &cause, N_("Cause"), N_("TEXT") },
    { "vulnerability", 0, 0, G_OPTION_ARG_STRING_ARRAY, &refs,
      N_("Vulnerability reference, e.g. CVE-2026-1234 (repeatable)"), N_("REF") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("Summary"), N_("TEXT") },
    INCIDENT_FACT_ENTRIES (facts),
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vulnerability_refs = NULL;
  int status;

  if (!desk_cli_parse ("incident add", NULL,
                       _("Record a new incident and print its id."),
                       entries, &argc, &argv, &status))
    return status;
  if (title == NULL || *g_strstrip (title) == '\0')
    return desk_cli_usage_error (_("--title is required"));

  incident = DESK_RECORD (desk_incident_new (title));
  vulnerability_refs = refs ? g_strjoinv (", ", refs) : NULL;
  g_object_set (incident,
                "service", service,
                "cause", cause,
                "summary", summary,
                "vulnerability-refs", vulnerability_refs,
                NULL);

  /* Check everything before the database is even opened, so that a bad value leaves no trace. */
  if ((severity && !set_enum_from_nick (incident, "severity", severity, &error)) ||
      (status_nick && !set_enum_from_nick (incident, "status", status_nick, &error)) ||
      !set_facts (incident, &facts, &error))
    return desk_cli_usage_error ("%s", error->message);

  if (!(store = desk_cli_open_store (&error)))
    return desk_cli_fail (error);

  if (facts.detected == NULL)
    desk_record_set_int (incident, "detected-at", desk_store_now (store));

  if (!desk_store_save (store, incident, &error))
    return desk_cli_fail (error);

  g_print ("%s\n", desk_record_get_uuid (incident));
  return DESK_CLI_OK;
}

int
desk_cli_incident_set (int    argc,
                       char **argv)
{
  g_auto(IncidentFacts) facts = INCIDENT_FACTS_INIT;
  const GOptionEntry entries[] = {
    { "detected", 0, 0, G_OPTION_ARG_STRING, &facts.detected, N_("When it was detected"),
      N_("ISO8601") },
    INCIDENT_FACT_ENTRIES (facts),
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!desk_cli_parse ("incident set", N_("ID"),
                       _("Change an incident's times, time zone or announced estimates. The "
                         "deadlines that count from them move with them."),
                       entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return desk_cli_usage_error (_("No incident id given"));
  /* What can be checked without the incident is checked before the database is opened. */
  if (facts.time_zone != NULL && !(zone = desk_time_zone_new (facts.time_zone, &error)))
    return desk_cli_usage_error ("%s", error->message);

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, argv[1], &error)))
    return desk_cli_fail (error);

  if (!set_facts (incident, &facts, &error))
    return desk_cli_usage_error ("%s", error->message);

  if (!desk_store_save (store, incident, &error))
    return desk_cli_fail (error);

  return DESK_CLI_OK;
}

static char *
format_date (gint64 seconds)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (seconds == 0)
    return g_strdup ("—");

  utc = g_date_time_new_from_unix_utc (seconds);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
enum_nick (DeskRecord *record,
           const char *name)
{
  const DeskField *field = desk_record_class_find_field (DESK_RECORD_GET_CLASS (record), name);

  return desk_cli_enum_nick (field->pspec->value_type, desk_record_get_enum (record, name));
}

int
desk_cli_incident_list (int    argc,
                        char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!desk_cli_parse ("incident list", NULL,
                       _("List the incidents, newest first."),
                       entries, &argc, &argv, &status))
    return status;

  if (!(store = desk_cli_open_store (&error)) ||
      !(incidents = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, &error)))
    return desk_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (incidents->len);

      for (guint i = 0; i < incidents->len; i++)
        json_array_add_element (array,
                                desk_store_record_to_json (store,
                                                           g_ptr_array_index (incidents, i)));
      json_node_take_array (root, array);
      desk_cli_print_json (root);
      return DESK_CLI_OK;
    }

  for (guint i = 0; i < incidents->len; i++)
    {
      DeskRecord *incident = g_ptr_array_index (incidents, i);
      g_autofree char *detected = format_date (desk_record_get_int (incident, "detected-at"));

      g_print ("%.8s  %-13s  %-8s  %-16s  %s\n",
               desk_record_get_uuid (incident),
               enum_nick (incident, "status"),
               enum_nick (incident, "severity"),
               detected,
               desk_record_get_string (incident, "title"));
    }

  return DESK_CLI_OK;
}

int
desk_cli_incident_show (int    argc,
                        char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!desk_cli_parse ("incident show", N_("ID"),
                       _("Show one incident. ID is its UUID or a unique prefix of it."),
                       entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return desk_cli_usage_error (_("No incident id given"));

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, argv[1], &error)))
    return desk_cli_fail (error);

  node = desk_store_record_to_json (store, incident);
  if (json)
    {
      desk_cli_print_json (node);
      return DESK_CLI_OK;
    }

  /* One "key: value" line per field that has a value. */
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (json_node_get_object (node), l->data);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_NULL (member))
        continue;
      if (json_node_get_value_type (member) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (member));
      else
        text = json_to_string (member, FALSE);

      g_print ("%-20s %s\n", (const char *) l->data, text);
    }

  return DESK_CLI_OK;
}
