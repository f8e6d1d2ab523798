/* desk-store-deadlines.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's deadlines: the obligations of the rules that apply to an incident, the due times
 * customers' contractual terms give their ledger rows, the "due next" list across both, overdue
 * counts, reminders, and the history of the affected figures.
 *
 * Due times are stored, so that every reader (lists, exports, counts in SQL) sees them, and kept
 * true by the save path: before a record is written, an obligation's due time is computed from
 * its rule, its incident's times and its condition, and a ledger row's from its customer's terms;
 * after it is written, the records that follow it are saved again (an incident's obligations and
 * ledger rows when its times change, a customer's ledger rows when its terms do, the later stages
 * of a rule when an earlier one is filed), each with its own audit line.
 */

#define G_LOG_DOMAIN "desk-store-deadlines"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-labels.h"
#include "desk-store-private.h"
#include "desk-time.h"

#define SECONDS_PER_HOUR (G_GINT64_CONSTANT (60) * 60)

/* Statuses of a notice that went out; 'not-required' ones have no deadline to meet. */
#define NOTICE_DONE "('sent', 'delivered', 'acknowledged', 'not-required')"

/* Helpers {{{ */

static gboolean
any_changed (DeskRecord         *stored,
             DeskRecord         *record,
             const char * const *names)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);

  if (desk_record_get_deleted (stored) != desk_record_get_deleted (record))
    return TRUE;

  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    if (g_strv_contains (names, desk_record_class_get_field (klass, i)->pspec->name) &&
        !desk_record_field_equal (stored, record, i))
      return TRUE;

  return FALSE;
}

/* Reads the records of @type that @stmt selects with _desk_store_columns() first; resets it. */
static gboolean
read_records (DeskStore      *self,
              GType           type,
              DeskStatement  *stmt,
              GPtrArray      *records,
              GError        **error)
{
  g_autoptr(DeskStatement) reset = stmt;
  DeskDatabase *database = desk_store_get_database (self);
  gboolean has_row;

  while (desk_database_step (database, stmt, &has_row, error))
    {
      if (!has_row)
        return TRUE;
      g_ptr_array_add (records, _desk_record_from_statement (type, stmt, 0));
    }

  return FALSE;
}

/* Returns: (transfer full): the records of @type matching "@condition", whose one or two
 *   parameters are @a and @b, or %NULL with @error set */
static GPtrArray *
select_records (DeskStore   *self,
                GType        type,
                const char  *alias,
                const char  *from,
                const char  *condition,
                gint64       a,
                const char  *b,
                GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  DeskStatement *stmt;
  int n_columns;

  columns = _desk_store_columns (type, alias, &n_columns);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s", columns, from, condition);
  if (!(stmt = desk_database_prepare (desk_store_get_database (self), sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, a);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);

  if (!read_records (self, type, stmt, records, error))
    return NULL;

  return g_steal_pointer (&records);
}

/* Saves each of @records again, so that what they follow is brought up to date.
 * @records: (transfer full) (nullable): the records, or %NULL when listing them failed */
static gboolean
save_again (DeskStore   *self,
            GPtrArray   *records,
            GError     **error)
{
  g_autoptr(GPtrArray) owned = records;

  if (owned == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    if (!desk_store_save (self, g_ptr_array_index (records, i), error))
      return FALSE;

  return TRUE;
}

/* }}} */
/* Obligations {{{ */

/* The position of @obligation's stage in its rule, for the order stages are computed in. */
static guint
stage_index (DeskRulebook *rulebook,
             DeskRecord   *obligation)
{
  DeskDeadlineRule *rule = desk_rulebook_lookup (rulebook,
                                                 desk_record_get_string (obligation, "rule"));
  GPtrArray *stages = rule ? desk_deadline_rule_get_stages (rule) : NULL;

  for (guint i = 0; stages != NULL && i < stages->len; i++)
    if (g_str_equal (((DeskRuleStage *) g_ptr_array_index (stages, i))->id,
                     desk_record_get_string (obligation, "stage")))
      return i;

  return G_MAXUINT;
}

static int
compare_stages (gconstpointer a,
                gconstpointer b,
                gpointer      rulebook)
{
  DeskRecord *ra = *(DeskRecord **) a;
  DeskRecord *rb = *(DeskRecord **) b;
  int by_rule = g_strcmp0 (desk_record_get_string (ra, "rule"),
                           desk_record_get_string (rb, "rule"));
  guint ia, ib;

  if (by_rule != 0)
    return by_rule;

  ia = stage_index (rulebook, ra);
  ib = stage_index (rulebook, rb);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/* Returns: (transfer full): the obligations of the incident, of @rule only unless it is %NULL,
 *   an earlier stage before a later one, or %NULL with @error set */
static GPtrArray *
list_obligations (DeskStore   *self,
                  gint64       incident_id,
                  const char  *rule,
                  GError     **error)
{
  GPtrArray *obligations = select_records (self, DESK_TYPE_OBLIGATION, "o", "obligations o",
                                           rule ? "o.incident_id = ? AND o.rule = ?"
                                                  " AND NOT o.deleted"
                                                : "o.incident_id = ? AND NOT o.deleted",
                                           incident_id, rule, error);

  if (obligations != NULL)
    g_ptr_array_sort_with_data (obligations, compare_stages, desk_store_get_rulebook (self));

  return obligations;
}

/* What an obligation says about its stage's clock, for the stages that count from it. */
static DeskStageClock *
stage_clock_of (DeskRecord *obligation)
{
  DeskStageClock *clock = g_new0 (DeskStageClock, 1);

  clock->clock_start = desk_record_get_int (obligation, "clock-start");
  if (desk_record_get_enum (obligation, "status") == DESK_OBLIGATION_STATUS_FILED)
    clock->filed_at = desk_record_get_int (obligation, "filed-at");

  return clock;
}

/* Sets @obligation's due time from its rule, its condition, its incident's times and zone, and
 * what the incident's other obligations of the rule say. A rule this machine does not know (a
 * peer's own) leaves the due time the obligation came with. */
static gboolean
compute_obligation_due (DeskStore   *self,
                        DeskRecord  *obligation,
                        GError     **error)
{
  const char *rule_id = desk_record_get_string (obligation, "rule");
  const char *stage_id = desk_record_get_string (obligation, "stage");
  gint64 incident_id = desk_record_get_int (obligation, "incident-id");
  DeskDeadlineRule *rule = desk_rulebook_lookup (desk_store_get_rulebook (self), rule_id);
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GHashTable) stages = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  const DeskRuleStage *stage;
  const DeskRuleCondition *condition;
  g_autoptr(GError) local_error = NULL;
  DeskClockStarts starts = { { 0 } };

  if (rule == NULL)
    return TRUE;

  if (!(stage = desk_deadline_rule_get_stage (rule, stage_id)))
    {
      /* Translators: the first %s names a deadline rule, the second is a stage id */
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("%s has no stage “%s”"), desk_deadline_rule_get_name (rule), stage_id);
      return FALSE;
    }

  condition = desk_deadline_rule_find_condition (rule, desk_record_get_string (obligation,
                                                                               "condition"),
                                                 &local_error);
  if (local_error != NULL)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (!(incident = desk_store_load (self, DESK_TYPE_INCIDENT, incident_id, error)) ||
      !(siblings = list_obligations (self, incident_id, rule_id, error)))
    return FALSE;

  /* The other stages as stored; this one as it is about to be. */
  stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < siblings->len; i++)
    {
      DeskRecord *sibling = g_ptr_array_index (siblings, i);

      if (desk_record_get_id (sibling) != desk_record_get_id (obligation))
        g_hash_table_replace (stages, g_strdup (desk_record_get_string (sibling, "stage")),
                              stage_clock_of (sibling));
    }
  g_hash_table_replace (stages, g_strdup (stage_id), stage_clock_of (obligation));

  starts.events[DESK_CLOCK_EVENT_DETECTION] = desk_record_get_int (incident, "detected-at");
  starts.events[DESK_CLOCK_EVENT_AWARENESS] = desk_record_get_int (incident, "aware-at");
  starts.events[DESK_CLOCK_EVENT_DETERMINATION] = desk_record_get_int (incident, "determined-at");
  starts.stages = stages;
  zone = desk_time_zone_for (desk_record_get_string (incident, "time-zone"));

  desk_record_set_int (obligation, "due-at",
                       desk_deadline_rule_compute_due (rule, stage, condition, &starts, zone));
  return TRUE;
}

/* Filed is filed at a time: now, unless people said when. Other statuses have none. */
static void
set_filed_time (DeskStore  *self,
                DeskRecord *obligation)
{
  if (desk_record_get_enum (obligation, "status") != DESK_OBLIGATION_STATUS_FILED)
    desk_record_set_int (obligation, "filed-at", 0);
  else if (desk_record_get_int (obligation, "filed-at") == 0)
    desk_record_set_int (obligation, "filed-at", desk_store_now (self));
}

/* }}} */
/* Customer terms {{{ */

/* A customer's ledger row is due the hours of its contract's terms after the incident's
 * detection or the customer's confirmation, and not due before that moment is known. Without
 * terms, and for notices to regulators and the public, the due time is the one people gave. */
static gboolean
compute_notice_due (DeskStore   *self,
                    DeskRecord  *notice,
                    GError     **error)
{
  gint64 affected_id = desk_record_get_int (notice, "affected-id");
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;
  gint64 hours, start;

  if (affected_id == 0)
    return TRUE;

  stmt = desk_database_prepare (desk_store_get_database (self),
                                "SELECT coalesce (c.notice_hours, 0),"
                                " CASE c.notice_basis WHEN 'confirmation' THEN a.confirmed_at"
                                " ELSE i.detected_at END"
                                " FROM affected a JOIN customers c ON c.id = a.customer_id"
                                " JOIN incidents i ON i.id = a.incident_id WHERE a.id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, affected_id);
  if (!desk_database_step (desk_store_get_database (self), stmt, &has_row, error))
    return FALSE;

  hours = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  start = has_row ? sqlite3_column_int64 (stmt, 1) : 0;
  if (hours > 0)
    desk_record_set_int (notice, "due-at", start > 0 ? start + hours * SECONDS_PER_HOUR : 0);
  return TRUE;
}

/* The customer's terms changed: its ledger rows are due by the new ones, or, when it has none
 * any more, not due. */
static gboolean
follow_terms (DeskStore   *self,
              DeskRecord  *customer,
              GError     **error)
{
  g_autoptr(GPtrArray) ledger = NULL;

  ledger = select_records (self, DESK_TYPE_NOTIFICATION, "n",
                           "notifications n JOIN affected a ON a.id = n.affected_id",
                           "a.customer_id = ? AND NOT n.deleted", desk_record_get_id (customer),
                           NULL, error);
  if (ledger == NULL)
    return FALSE;

  for (guint i = 0; i < ledger->len && desk_record_get_int (customer, "notice-hours") == 0; i++)
    desk_record_set_int (g_ptr_array_index (ledger, i), "due-at", 0);

  return save_again (self, g_steal_pointer (&ledger), error);
}

/* }}} */
/* Incidents {{{ */

/* An incident's zone must be one every machine knows; a new incident gets the local one. */
static gboolean
check_time_zone (DeskRecord  *stored,
                 DeskRecord  *incident,
                 GError     **error)
{
  const char *identifier = desk_record_get_string (incident, "time-zone");
  static const char * const zone_field[] = { "time-zone", NULL };
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) local_error = NULL;

  if (identifier == NULL || *identifier == '\0')
    {
      g_autoptr(GTimeZone) local = NULL;
      const char *local_identifier;

      if (stored != NULL)
        return TRUE;

      /* Only a name that means the same elsewhere; not a path to this machine's zone file. */
      local = g_time_zone_new_local ();
      local_identifier = g_time_zone_get_identifier (local);
      if ((zone = desk_time_zone_new (local_identifier, NULL)) != NULL)
        desk_record_set_string (incident, "time-zone", local_identifier);
      return TRUE;
    }

  if (stored != NULL && !any_changed (stored, incident, zone_field))
    return TRUE;

  if (!(zone = desk_time_zone_new (identifier, &local_error)))
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_figure (DeskStore         *self,
            DeskRecord        *incident,
            gint64             potential,
            gint64             confirmed,
            DeskFigureSource   source,
            const char        *source_name,
            GError           **error)
{
  g_autoptr(DeskFigure) figure = desk_figure_new (DESK_INCIDENT (incident), desk_store_now (self),
                                                  potential, confirmed, source);

  desk_record_set_string (DESK_RECORD (figure), "source-name", source_name);
  desk_record_set_string (DESK_RECORD (figure), "actor", desk_store_get_actor (self));
  return desk_store_save (self, DESK_RECORD (figure), error);
}

/* The announced estimates go into the figure history whenever they change. */
static gboolean
record_estimates (DeskStore   *self,
                  DeskRecord  *stored,
                  DeskRecord  *incident,
                  GError     **error)
{
  static const char * const estimates[] = {
    "estimated-potential", "estimated-confirmed", NULL
  };
  gint64 potential = desk_record_get_int (incident, "estimated-potential");
  gint64 confirmed = desk_record_get_int (incident, "estimated-confirmed");

  if (desk_record_get_deleted (incident) ||
      (stored == NULL ? potential == 0 && confirmed == 0
                      : !any_changed (stored, incident, estimates)))
    return TRUE;

  return add_figure (self, incident, potential, confirmed, DESK_FIGURE_SOURCE_ESTIMATE, NULL,
                     error);
}

/* When the times that start clocks change, so do the deadlines that count from them. */
static gboolean
follow_clocks (DeskStore   *self,
               DeskRecord  *stored,
               DeskRecord  *incident,
               GError     **error)
{
  static const char * const clocks[] = {
    "detected-at", "aware-at", "determined-at", "time-zone", NULL
  };
  gint64 id = desk_record_get_id (incident);

  if (stored == NULL || desk_record_get_deleted (incident) ||
      !any_changed (stored, incident, clocks))
    return TRUE;

  return save_again (self, list_obligations (self, id, NULL, error), error) &&
         save_again (self, select_records (self, DESK_TYPE_NOTIFICATION, "n", "notifications n",
                                           "n.incident_id = ? AND n.affected_id IS NOT NULL"
                                           " AND NOT n.deleted", id, NULL, error),
                     error);
}

/* }}} */
/* The save path {{{ */

/**
 * _desk_store_before_write:
 * @stored: (nullable): the record as stored, or %NULL for a new one
 *
 * Brings what @record derives from others up to date before it is written: an obligation's due
 * and filed times, a ledger row's due time; and checks an incident's time zone.
 */
gboolean
_desk_store_before_write (DeskStore   *self,
                          DeskRecord  *stored,
                          DeskRecord  *record,
                          GError     **error)
{
  if (DESK_IS_INCIDENT (record))
    return check_time_zone (stored, record, error);

  if (DESK_IS_OBLIGATION (record))
    {
      set_filed_time (self, record);
      return compute_obligation_due (self, record, error);
    }

  if (DESK_IS_NOTIFICATION (record))
    return compute_notice_due (self, record, error);

  return TRUE;
}

/**
 * _desk_store_after_write:
 * @stored: (nullable): the record as it was stored before, or %NULL for a new one
 *
 * Saves again the records that follow @record, as it was just written, and records a change of
 * an incident's estimates in its figure history.
 */
gboolean
_desk_store_after_write (DeskStore   *self,
                         DeskRecord  *stored,
                         DeskRecord  *record,
                         GError     **error)
{
  static const char * const terms[] = { "notice-hours", "notice-basis", NULL };
  static const char * const confirmation[] = { "confirmed-at", NULL };
  static const char * const stage[] = {
    "rule", "stage", "condition", "clock-start", "status", "filed-at", NULL
  };

  if (DESK_IS_INCIDENT (record))
    return record_estimates (self, stored, record, error) &&
           follow_clocks (self, stored, record, error);

  if (DESK_IS_CUSTOMER (record) && stored != NULL && any_changed (stored, record, terms))
    return follow_terms (self, record, error);

  if (DESK_IS_AFFECTED (record) && stored != NULL && any_changed (stored, record, confirmation))
    return save_again (self, select_records (self, DESK_TYPE_NOTIFICATION, "n",
                                             "notifications n",
                                             "n.affected_id = ? AND NOT n.deleted",
                                             desk_record_get_id (record), NULL, error),
                       error);

  /* A stage filed, or changed, moves the stages that count from it. */
  if (DESK_IS_OBLIGATION (record) && (stored == NULL || any_changed (stored, record, stage)))
    return save_again (self, list_obligations (self, desk_record_get_int (record, "incident-id"),
                                               desk_record_get_string (record, "rule"), error),
                       error);

  return TRUE;
}

/**
 * _desk_store_add_import_figure:
 * @source_name: the imported file's name
 *
 * Records the incident's counted figures after an account import, in the import's transaction.
 */
gboolean
_desk_store_add_import_figure (DeskStore     *self,
                               DeskIncident  *incident,
                               const char    *source_name,
                               GError       **error)
{
  g_autoptr(DeskStats) stats = NULL;

  if (!(stats = desk_store_get_stats (self, desk_record_get_id (DESK_RECORD (incident)), error)))
    return FALSE;

  return add_figure (self, DESK_RECORD (incident), stats->potential_accounts,
                     stats->confirmed_accounts, DESK_FIGURE_SOURCE_IMPORT, source_name, error);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_store_add_obligations:
 * @incident: a saved incident
 * @rule_id: the id of a rule of desk_store_get_rulebook()
 * @condition: (nullable): the name of one of the rule's conditions; a rule that has conditions
 *   needs one
 * @clock_start: when the stages' clocks start, or 0 for the incident's times (its detection,
 *   awareness or determination, as each stage says)
 *
 * Applies a deadline rule to an incident: one open obligation for each of its stages, with its
 * due time, in one transaction. A rule the incident has already is refused.
 *
 * Returns: (transfer full) (element-type DeskObligation): the obligations, in the rule's order
 *   of stages, or %NULL with @error set: an unknown rule or condition and a missing condition
 *   name those there are
 */
GPtrArray *
desk_store_add_obligations (DeskStore     *self,
                            DeskIncident  *incident,
                            const char    *rule_id,
                            const char    *condition,
                            gint64         clock_start,
                            GError       **error)
{
  g_autoptr(GPtrArray) obligations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  DeskDatabase *database;
  DeskDeadlineRule *rule;
  GPtrArray *stages;
  gint64 incident_id;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);

  if (!(rule = desk_rulebook_find (desk_store_get_rulebook (self), rule_id, error)))
    return NULL;

  if (desk_deadline_rule_find_condition (rule, condition, &local_error) == NULL &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  incident_id = desk_record_get_id (DESK_RECORD (incident));
  g_return_val_if_fail (incident_id != 0, NULL);

  database = desk_store_get_database (self);
  if (!desk_database_begin (database, error))
    return NULL;

  /* Inside the transaction, so that two windows adding the rule at once do not both add it. */
  existing = list_obligations (self, incident_id, rule_id, &local_error);
  if (existing != NULL && existing->len > 0)
    /* Translators: %s names a deadline rule, e.g. "GDPR (EU)" */
    g_set_error (&local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE,
                 _("The incident already has the obligations of %s"),
                 desk_deadline_rule_get_name (rule));

  stages = desk_deadline_rule_get_stages (rule);
  for (guint i = 0; local_error == NULL && i < stages->len; i++)
    {
      const DeskRuleStage *stage = g_ptr_array_index (stages, i);
      DeskRecord *obligation = DESK_RECORD (desk_obligation_new (incident, rule_id, stage->id));

      g_ptr_array_add (obligations, obligation);
      desk_record_set_string (obligation, "condition", condition);
      if (stage->from != DESK_CLOCK_EVENT_FILING)
        desk_record_set_int (obligation, "clock-start", clock_start);
      desk_store_save (self, obligation, &local_error);
    }

  if (local_error != NULL || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Each later stage was saved after the earlier ones: read them back as they ended up. */
  return list_obligations (self, incident_id, rule_id, error);
}

/* The deadline an obligation row of desk_store_list_deadlines() stands for. */
static DeskDeadline *
obligation_deadline (DeskStore     *self,
                     DeskRecord    *obligation,
                     const char    *incident_title,
                     const char    *time_zone,
                     gint64         now)
{
  const char *rule_id = desk_record_get_string (obligation, "rule");
  const char *stage_id = desk_record_get_string (obligation, "stage");
  DeskDeadlineRule *rule = desk_rulebook_lookup (desk_store_get_rulebook (self), rule_id);
  const DeskRuleStage *stage = rule ? desk_deadline_rule_get_stage (rule, stage_id) : NULL;
  g_autofree char *title = NULL;

  /* Translators: a deadline rule and one of its stages, e.g. "APPI (Japan): Final report" */
  title = g_strdup_printf (_("%s: %s"), rule ? desk_deadline_rule_get_name (rule) : rule_id,
                           stage ? stage->name : stage_id);

  return desk_deadline_new (DESK_DEADLINE_KIND_OBLIGATION, obligation, title,
                            stage ? stage->recipient : NULL, incident_title, time_zone,
                            rule && desk_deadline_rule_get_uncertain (rule), now);
}

static gboolean
list_obligation_deadlines (DeskStore   *self,
                           gint64       incident_id,
                           gint64       now,
                           GPtrArray   *deadlines,
                           GError     **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  DeskDatabase *database = desk_store_get_database (self);
  gboolean has_row;
  int n;

  columns = _desk_store_columns (DESK_TYPE_OBLIGATION, "o", &n);
  sql = g_strdup_printf ("SELECT %s, i.title, i.time_zone FROM obligations o"
                         " JOIN incidents i ON i.id = o.incident_id"
                         " WHERE NOT o.deleted AND NOT i.deleted"
                         " AND (?1 = 0 OR o.incident_id = ?1)", columns);
  if (!(stmt = desk_database_prepare (database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (desk_database_step (database, stmt, &has_row, error))
    {
      g_autoptr(DeskRecord) obligation = NULL;

      if (!has_row)
        return TRUE;

      obligation = _desk_record_from_statement (DESK_TYPE_OBLIGATION, stmt, 0);
      g_ptr_array_add (deadlines,
                       obligation_deadline (self, obligation,
                                            (const char *) sqlite3_column_text (stmt, n),
                                            (const char *) sqlite3_column_text (stmt, n + 1),
                                            now));
    }

  return FALSE;
}

static gboolean
list_notice_deadlines (DeskStore   *self,
                       gint64       incident_id,
                       gint64       now,
                       GPtrArray   *deadlines,
                       GError     **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  DeskDatabase *database = desk_store_get_database (self);
  gboolean has_row;
  int n;

  columns = _desk_store_columns (DESK_TYPE_NOTIFICATION, "n", &n);
  sql = g_strdup_printf ("SELECT %s, i.title, i.time_zone,"
                         " coalesce (nullif (c.name, ''), c.contract_id) FROM notifications n"
                         " JOIN incidents i ON i.id = n.incident_id"
                         " LEFT JOIN affected a ON a.id = n.affected_id"
                         " LEFT JOIN customers c ON c.id = a.customer_id"
                         " WHERE NOT n.deleted AND NOT i.deleted AND n.due_at IS NOT NULL"
                         " AND n.status != 'not-required' AND (?1 = 0 OR n.incident_id = ?1)",
                         columns);
  if (!(stmt = desk_database_prepare (database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (desk_database_step (database, stmt, &has_row, error))
    {
      g_autoptr(DeskRecord) notice = NULL;
      const char *customer, *title;
      DeskRecipient recipient;

      if (!has_row)
        return TRUE;

      notice = _desk_record_from_statement (DESK_TYPE_NOTIFICATION, stmt, 0);
      recipient = desk_record_get_enum (notice, "recipient");
      customer = (const char *) sqlite3_column_text (stmt, n + 2);
      title = desk_record_get_string (notice, "recipient-name");
      if (customer != NULL)
        title = customer;
      else if (title == NULL || *title == '\0')
        title = desk_recipient_label (recipient);

      g_ptr_array_add (deadlines,
                       desk_deadline_new (DESK_DEADLINE_KIND_NOTICE, notice, title,
                                          desk_recipient_label (recipient),
                                          (const char *) sqlite3_column_text (stmt, n),
                                          (const char *) sqlite3_column_text (stmt, n + 1),
                                          FALSE, now));
    }

  return FALSE;
}

/**
 * desk_store_list_deadlines:
 * @incident_id: the local id of an incident, or 0 for every incident
 *
 * The "due next" list: the obligations of the incident (or of every incident), with or without a
 * due time, and its notices that have one (customers' from their terms, others' as people gave
 * them), except those not required. Each has its state at desk_store_now().
 *
 * Returns: (transfer full) (element-type DeskDeadline): the deadlines, sorted by
 *   desk_deadline_compare(), or %NULL with @error set
 */
GPtrArray *
desk_store_list_deadlines (DeskStore   *self,
                           gint64       incident_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  now = desk_store_now (self);
  desk_database_lock (desk_store_get_database (self));
  ok = list_obligation_deadlines (self, incident_id, now, deadlines, error) &&
       list_notice_deadlines (self, incident_id, now, deadlines, error);
  desk_database_unlock (desk_store_get_database (self));

  if (!ok)
    return NULL;

  g_ptr_array_sort (deadlines, desk_deadline_compare);
  return g_steal_pointer (&deadlines);
}

/* Overdue obligations and notices per incident: of all (@incident_id 0) or of one. */
static gboolean
count_overdue (DeskStore   *self,
               gint64       incident_id,
               GArray      *counts,
               GError     **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  DeskDatabase *database = desk_store_get_database (self);
  gboolean has_row;

  stmt = desk_database_prepare (database,
                                "SELECT x.incident_id, count (*) FILTER (WHERE x.notice = 0),"
                                " count (*) FILTER (WHERE x.notice = 1) FROM ("
                                "   SELECT incident_id, 0 AS notice FROM obligations"
                                "   WHERE due_at < ?1 AND status = 'open' AND NOT deleted"
                                "   UNION ALL"
                                "   SELECT incident_id, 1 FROM notifications"
                                "   WHERE due_at < ?1 AND status NOT IN " NOTICE_DONE
                                "   AND NOT deleted) x"
                                " JOIN incidents i ON i.id = x.incident_id AND NOT i.deleted"
                                " WHERE ?2 = 0 OR x.incident_id = ?2"
                                " GROUP BY x.incident_id ORDER BY x.incident_id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, desk_store_now (self));
  sqlite3_bind_int64 (stmt, 2, incident_id);
  while (desk_database_step (database, stmt, &has_row, error))
    {
      DeskOverdueCount count;

      if (!has_row)
        return TRUE;

      count.incident_id = sqlite3_column_int64 (stmt, 0);
      count.obligations = sqlite3_column_int64 (stmt, 1);
      count.notices = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (counts, count);
    }

  return FALSE;
}

/**
 * _desk_store_count_overdue_of:
 *
 * The overdue counts of one incident, for its figures.
 */
gboolean
_desk_store_count_overdue_of (DeskStore   *self,
                              gint64       incident_id,
                              gint64      *obligations,
                              gint64      *notices,
                              GError     **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (DeskOverdueCount));

  if (!count_overdue (self, incident_id, counts, error))
    return FALSE;

  *obligations = counts->len > 0 ? g_array_index (counts, DeskOverdueCount, 0).obligations : 0;
  *notices = counts->len > 0 ? g_array_index (counts, DeskOverdueCount, 0).notices : 0;
  return TRUE;
}

/**
 * desk_store_count_overdue:
 *
 * What the sidebar shows next to each incident: its open obligations and its notices not sent
 * whose deadline has passed at desk_store_now().
 *
 * Returns: (transfer full) (element-type DeskOverdueCount): one count per incident that has
 *   anything overdue, by incident id, or %NULL with @error set
 */
GArray *
desk_store_count_overdue (DeskStore  *self,
                          GError    **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (DeskOverdueCount));
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (desk_store_get_database (self));
  ok = count_overdue (self, 0, counts, error);
  desk_database_unlock (desk_store_get_database (self));

  return ok ? g_steal_pointer (&counts) : NULL;
}

/* A reminder's key in reminders_sent, and in the table of those sent. */
static char *
reminder_key (DeskDeadline     *deadline,
              DeskReminderKind  kind)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (DESK_TYPE_REMINDER_KIND);

  return g_strdup_printf ("%s %s %lld", desk_record_get_uuid (desk_deadline_get_record (deadline)),
                          g_enum_get_value (kinds, kind)->value_nick,
                          (long long) desk_deadline_get_due_at (deadline));
}

static gboolean
reminder_sent (DeskDeadline     *deadline,
               DeskReminderKind  kind,
               gpointer          sent)
{
  g_autofree char *key = reminder_key (deadline, kind);

  return g_hash_table_contains (sent, key);
}

/* Returns: (transfer full): the keys of the reminders shown before, or %NULL with @error set */
static GHashTable *
load_sent_reminders (DeskStore  *self,
                     GError    **error)
{
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DeskStatement) stmt = NULL;
  DeskDatabase *database = desk_store_get_database (self);
  gboolean has_row;

  stmt = desk_database_prepare (database, "SELECT record_uuid, kind, due_at FROM reminders_sent",
                                error);
  if (stmt == NULL)
    return NULL;

  while (desk_database_step (database, stmt, &has_row, error))
    {
      if (!has_row)
        return g_steal_pointer (&sent);

      g_hash_table_add (sent, g_strdup_printf ("%s %s %lld", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1),
                                               (long long) sqlite3_column_int64 (stmt, 2)));
    }

  return NULL;
}

static gboolean
mark_sent (DeskStore     *self,
           DeskReminder  *reminder,
           GError       **error)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (DESK_TYPE_REMINDER_KIND);
  g_autoptr(DeskStatement) stmt = NULL;
  DeskDeadline *deadline = desk_reminder_get_deadline (reminder);

  stmt = desk_database_prepare (desk_store_get_database (self),
                                "INSERT OR IGNORE INTO reminders_sent"
                                " (record_uuid, kind, due_at, sent_at) VALUES (?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, desk_record_get_uuid (desk_deadline_get_record (deadline)), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_enum_get_value (kinds, desk_reminder_get_kind (reminder))
                              ->value_nick, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, desk_deadline_get_due_at (deadline));
  sqlite3_bind_int64 (stmt, 4, desk_store_now (self));
  return desk_database_step (desk_store_get_database (self), stmt, NULL, error);
}

/**
 * desk_store_take_reminders:
 * @lead_hours: how long before a deadline to remind of it (the "reminder-lead-hours" setting)
 *
 * The reminders to show now (desk_store_now()), across every incident: see
 * desk_deadline_select_reminders(). They are recorded as shown, on this machine only, so that
 * the next call, in this run or after a restart, does not return them again.
 *
 * Returns: (transfer full) (element-type DeskReminder): the reminders, in "due next" order, or
 *   %NULL with @error set
 */
GPtrArray *
desk_store_take_reminders (DeskStore  *self,
                           guint       lead_hours,
                           GError    **error)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GError) local_error = NULL;
  DeskDatabase *database;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  database = desk_store_get_database (self);
  if (!desk_database_begin (database, error))
    return NULL;

  if ((deadlines = desk_store_list_deadlines (self, 0, &local_error)) &&
      (sent = load_sent_reminders (self, &local_error)))
    {
      reminders = desk_deadline_select_reminders (deadlines, desk_store_now (self), lead_hours,
                                                  reminder_sent, sent);
      for (guint i = 0; i < reminders->len && local_error == NULL; i++)
        mark_sent (self, g_ptr_array_index (reminders, i), &local_error);
    }

  if (local_error != NULL || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&reminders);
}

static gboolean
read_times (DeskStore   *self,
            const char  *sql,
            gint64       incident_id,
            GArray      *times,
            GError     **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  DeskDatabase *database = desk_store_get_database (self);
  gboolean has_row;

  if (!(stmt = desk_database_prepare (database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (desk_database_step (database, stmt, &has_row, error))
    {
      gint64 time;

      if (!has_row)
        return TRUE;

      time = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (times, time);
    }

  return FALSE;
}

/**
 * desk_store_get_notice_progress:
 *
 * The incident's customer notices over time: how many are to go out, and when each went out
 * and was acknowledged, for the progress chart.
 *
 * Returns: (transfer full): the progress, or %NULL with @error set
 */
DeskNoticeProgress *
desk_store_get_notice_progress (DeskStore   *self,
                                gint64       incident_id,
                                GError     **error)
{
  g_autoptr(DeskNoticeProgress) progress = desk_notice_progress_new ();
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (desk_store_get_database (self));
  ok = read_times (self, "SELECT count (*) FROM notifications WHERE incident_id = ?"
                         " AND recipient = 'customer' AND status != 'not-required'"
                         " AND NOT deleted", incident_id, total, error) &&
       read_times (self, "SELECT sent_at FROM notifications WHERE incident_id = ?"
                         " AND recipient = 'customer' AND sent_at IS NOT NULL"
                         " AND status IN ('sent', 'delivered', 'acknowledged') AND NOT deleted"
                         " ORDER BY sent_at", incident_id, progress->sent_at, error) &&
       read_times (self, "SELECT acknowledged_at FROM notifications WHERE incident_id = ?"
                         " AND recipient = 'customer' AND acknowledged_at IS NOT NULL"
                         " AND status = 'acknowledged' AND NOT deleted"
                         " ORDER BY acknowledged_at", incident_id, progress->acknowledged_at,
                   error);
  desk_database_unlock (desk_store_get_database (self));

  if (!ok)
    return NULL;

  progress->to_notify = g_array_index (total, gint64, 0);
  return g_steal_pointer (&progress);
}

/* }}} */
/* Async API {{{ */

typedef struct
{
  gint64  incident_id;
  guint   lead_hours;
  char   *rule_id;
  char   *condition;
  gint64  clock_start;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_free (work->rule_id);
  g_free (work->condition);
  g_free (work);
}

static Work *
work_new (gint64 incident_id)
{
  Work *work = g_new0 (Work, 1);

  work->incident_id = incident_id;
  return work;
}

static gpointer
add_obligations_work (DeskStore  *self,
                      gpointer    data,
                      GError    **error)
{
  Work *work = data;
  g_autoptr(DeskIncident) incident = desk_store_load (self, DESK_TYPE_INCIDENT, work->incident_id,
                                                      error);

  if (incident == NULL)
    return NULL;

  return desk_store_add_obligations (self, incident, work->rule_id, work->condition,
                                     work->clock_start, error);
}

void
desk_store_add_obligations_async (DeskStore           *self,
                                  DeskIncident        *incident,
                                  const char          *rule_id,
                                  const char          *condition,
                                  gint64               clock_start,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Work *work;

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_INCIDENT (incident));
  g_return_if_fail (rule_id != NULL);

  work = work_new (desk_record_get_id (DESK_RECORD (incident)));
  work->rule_id = g_strdup (rule_id);
  work->condition = g_strdup (condition);
  work->clock_start = clock_start;
  _desk_store_run_in_thread (self, add_obligations_work, work, work_free,
                             (GDestroyNotify) g_ptr_array_unref,
                             desk_store_add_obligations_async, cancellable, callback, user_data);
}

/**
 * desk_store_add_obligations_finish:
 *
 * Returns: (transfer full) (element-type DeskObligation): see desk_store_add_obligations()
 */
GPtrArray *
desk_store_add_obligations_finish (DeskStore     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _desk_store_run_finish (self, result, desk_store_add_obligations_async, error);
}

static gpointer
list_deadlines_work (DeskStore  *self,
                     gpointer    data,
                     GError    **error)
{
  return desk_store_list_deadlines (self, ((Work *) data)->incident_id, error);
}

void
desk_store_list_deadlines_async (DeskStore           *self,
                                 gint64               incident_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (DESK_IS_STORE (self));

  _desk_store_run_in_thread (self, list_deadlines_work, work_new (incident_id), work_free,
                             (GDestroyNotify) g_ptr_array_unref,
                             desk_store_list_deadlines_async, cancellable, callback, user_data);
}

/**
 * desk_store_list_deadlines_finish:
 *
 * Returns: (transfer full) (element-type DeskDeadline): see desk_store_list_deadlines()
 */
GPtrArray *
desk_store_list_deadlines_finish (DeskStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _desk_store_run_finish (self, result, desk_store_list_deadlines_async, error);
}

static gpointer
count_overdue_work (DeskStore  *self,
                    gpointer    data,
                    GError    **error)
{
  return desk_store_count_overdue (self, error);
}

void
desk_store_count_overdue_async (DeskStore           *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (DESK_IS_STORE (self));

  _desk_store_run_in_thread (self, count_overdue_work, NULL, NULL,
                             (GDestroyNotify) g_array_unref, desk_store_count_overdue_async,
                             cancellable, callback, user_data);
}

/**
 * desk_store_count_overdue_finish:
 *
 * Returns: (transfer full) (element-type DeskOverdueCount): see desk_store_count_overdue()
 */
GArray *
desk_store_count_overdue_finish (DeskStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _desk_store_run_finish (self, result, desk_store_count_overdue_async, error);
}

static gpointer
take_reminders_work (DeskStore  *self,
                     gpointer    data,
                     GError    **error)
{
  return desk_store_take_reminders (self, ((Work *) data)->lead_hours, error);
}

void
desk_store_take_reminders_async (DeskStore           *self,
                                 guint                lead_hours,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Work *work;

  g_return_if_fail (DESK_IS_STORE (self));

  work = work_new (0);
  work->lead_hours = lead_hours;
  _desk_store_run_in_thread (self, take_reminders_work, work, work_free,
                             (GDestroyNotify) g_ptr_array_unref,
                             desk_store_take_reminders_async, cancellable, callback, user_data);
}

/**
 * desk_store_take_reminders_finish:
 *
 * Returns: (transfer full) (element-type DeskReminder): see desk_store_take_reminders()
 */
GPtrArray *
desk_store_take_reminders_finish (DeskStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _desk_store_run_finish (self, result, desk_store_take_reminders_async, error);
}

static gpointer
notice_progress_work (DeskStore  *self,
                      gpointer    data,
                      GError    **error)
{
  return desk_store_get_notice_progress (self, ((Work *) data)->incident_id, error);
}

void
desk_store_get_notice_progress_async (DeskStore           *self,
                                      gint64               incident_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (DESK_IS_STORE (self));

  _desk_store_run_in_thread (self, notice_progress_work, work_new (incident_id), work_free,
                             (GDestroyNotify) desk_notice_progress_free,
                             desk_store_get_notice_progress_async, cancellable, callback,
                             user_data);
}

/**
 * desk_store_get_notice_progress_finish:
 *
 * Returns: (transfer full): see desk_store_get_notice_progress()
 */
DeskNoticeProgress *
desk_store_get_notice_progress_finish (DeskStore     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _desk_store_run_finish (self, result, desk_store_get_notice_progress_async, error);
}

/* }}} */
