/* desk-records.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-records.h"

/* Every incident-scoped record carries "incident-id", even where it could be derived through a
 * parent (a checklist item through its checklist): the incident's history and the sync layer
 * filter on it without joins. */

struct _DeskIncident { DeskRecord parent_instance; };
struct _DeskCategory { DeskRecord parent_instance; };
struct _DeskCustomer { DeskRecord parent_instance; };
struct _DeskAffected { DeskRecord parent_instance; };
struct _DeskNotification { DeskRecord parent_instance; };
struct _DeskChecklist { DeskRecord parent_instance; };
struct _DeskChecklistItem { DeskRecord parent_instance; };
struct _DeskEvent { DeskRecord parent_instance; };
struct _DeskObligation { DeskRecord parent_instance; };
struct _DeskFigure { DeskRecord parent_instance; };

G_DEFINE_FINAL_TYPE (DeskIncident, desk_incident, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskCategory, desk_category, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskCustomer, desk_customer, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskAffected, desk_affected, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskNotification, desk_notification, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskChecklist, desk_checklist, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskChecklistItem, desk_checklist_item, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskEvent, desk_event, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskObligation, desk_obligation, DESK_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (DeskFigure, desk_figure, DESK_TYPE_RECORD)

static void
desk_incident_class_init (DeskIncidentClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "incident", "incidents",
                               "detected_at DESC NULLS LAST, created_at DESC");
  desk_record_class_set_label (record_class, NC_("record", "incident"));
  desk_record_class_add_string (record_class, "title", DESK_FIELD_REQUIRED);
  desk_record_class_set_field_label (record_class, "title", NC_("record field", "title"));
  desk_record_class_add_string (record_class, "service", DESK_FIELD_NONE);
  desk_record_class_add_enum (record_class, "status", DESK_TYPE_INCIDENT_STATUS,
                              DESK_INCIDENT_STATUS_DETECTED);
  desk_record_class_add_enum (record_class, "severity", DESK_TYPE_SEVERITY,
                              DESK_SEVERITY_MEDIUM);
  desk_record_class_add_int (record_class, "occurred-at", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "detected-at", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "disclosed-at", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "closed-at", DESK_FIELD_TIME);
  desk_record_class_add_string (record_class, "cause", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "vulnerability-refs", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "summary", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "time-zone", DESK_FIELD_NONE);
  /* Figures announced before any list is imported ("4,072,650 potentially affected"). */
  desk_record_class_add_int (record_class, "estimated-potential", DESK_FIELD_NONE);
  desk_record_class_add_int (record_class, "estimated-confirmed", DESK_FIELD_NONE);
  /* What starts the clocks of deadline rules, besides detection (see docs/deadlines.md). */
  desk_record_class_add_int (record_class, "aware-at", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "determined-at", DESK_FIELD_TIME);
}

static void
desk_incident_init (DeskIncident *self)
{
}

static void
desk_category_class_init (DeskCategoryClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "category", "categories", "position, created_at");
  desk_record_class_set_label (record_class, NC_("record", "breach category"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  desk_record_class_add_string (record_class, "name", DESK_FIELD_REQUIRED);
  desk_record_class_set_field_label (record_class, "name", NC_("record field", "name"));
  desk_record_class_add_int (record_class, "position", DESK_FIELD_NONE);
  /* Which bit of a category mask stands for this category; each machine numbers them itself. */
  desk_record_class_add_int (record_class, "bit", DESK_FIELD_LOCAL);
}

static void
desk_category_init (DeskCategory *self)
{
}

static void
desk_customer_class_init (DeskCustomerClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "customer", "customers", "contract_id");
  desk_record_class_set_label (record_class, NC_("record", "customer"));
  desk_record_class_add_string (record_class, "contract-id",
                                DESK_FIELD_REQUIRED | DESK_FIELD_UNIQUE);
  desk_record_class_set_field_label (record_class, "contract-id",
                                     NC_("record field", "contract ID"));
  desk_record_class_add_string (record_class, "name", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "contacts", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "account-manager", DESK_FIELD_NONE);
  /* The contract's notification promise: within notice-hours of notice-basis; 0 = none. */
  desk_record_class_add_int (record_class, "notice-hours", DESK_FIELD_NONE);
  desk_record_class_add_enum (record_class, "notice-basis", DESK_TYPE_NOTICE_BASIS,
                              DESK_NOTICE_BASIS_DETECTION);
}

static void
desk_customer_init (DeskCustomer *self)
{
}

static void
desk_affected_class_init (DeskAffectedClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "affected", "affected", "created_at");
  desk_record_class_set_label (record_class, NC_("record", "affected customer"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  desk_record_class_add_reference (record_class, "customer-id", DESK_TYPE_CUSTOMER);
  desk_record_class_add_enum (record_class, "exposure", DESK_TYPE_EXPOSURE,
                              DESK_EXPOSURE_POTENTIAL);
  desk_record_class_add_int (record_class, "categories", DESK_FIELD_CATEGORY_MASK);
  desk_record_class_add_int (record_class, "confirmed-at", DESK_FIELD_TIME);
  desk_record_class_add_string (record_class, "note", DESK_FIELD_NONE);
}

static void
desk_affected_init (DeskAffected *self)
{
}

static void
desk_notification_class_init (DeskNotificationClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "notification", "notifications", "created_at");
  desk_record_class_set_label (record_class, NC_("record", "notice"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  /* 0 for a notice to a regulator or the public. */
  desk_record_class_add_reference (record_class, "affected-id", DESK_TYPE_AFFECTED);
  desk_record_class_add_enum (record_class, "recipient", DESK_TYPE_RECIPIENT,
                              DESK_RECIPIENT_CUSTOMER);
  desk_record_class_add_string (record_class, "recipient-name", DESK_FIELD_NONE);
  desk_record_class_add_enum (record_class, "channel", DESK_TYPE_CHANNEL,
                              DESK_CHANNEL_ACCOUNT_MANAGER);
  desk_record_class_add_enum (record_class, "status", DESK_TYPE_NOTIFICATION_STATUS,
                              DESK_NOTIFICATION_STATUS_NOT_STARTED);
  desk_record_class_add_int (record_class, "due-at", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "sent-at", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "acknowledged-at", DESK_FIELD_TIME);
  desk_record_class_add_string (record_class, "actor", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "note", DESK_FIELD_NONE);
}

static void
desk_notification_init (DeskNotification *self)
{
}

static void
desk_checklist_class_init (DeskChecklistClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "checklist", "checklists", "position, created_at");
  desk_record_class_set_label (record_class, NC_("record", "checklist"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  desk_record_class_add_string (record_class, "title", DESK_FIELD_REQUIRED);
  desk_record_class_set_field_label (record_class, "title", NC_("record field", "title"));
  desk_record_class_add_string (record_class, "template", DESK_FIELD_NONE);
  desk_record_class_add_int (record_class, "position", DESK_FIELD_NONE);
}

static void
desk_checklist_init (DeskChecklist *self)
{
}

static void
desk_checklist_item_class_init (DeskChecklistItemClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "checklist_item", "checklist_items",
                               "position, created_at");
  desk_record_class_set_label (record_class, NC_("record", "checklist item"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  desk_record_class_add_reference (record_class, "checklist-id", DESK_TYPE_CHECKLIST);
  desk_record_class_add_string (record_class, "text", DESK_FIELD_REQUIRED);
  desk_record_class_set_field_label (record_class, "text", NC_("record field", "text"));
  desk_record_class_add_string (record_class, "owner", DESK_FIELD_NONE);
  desk_record_class_add_int (record_class, "due-at", DESK_FIELD_TIME);
  desk_record_class_add_enum (record_class, "status", DESK_TYPE_ITEM_STATUS,
                              DESK_ITEM_STATUS_TODO);
  desk_record_class_add_int (record_class, "done-at", DESK_FIELD_TIME);
  desk_record_class_add_string (record_class, "note", DESK_FIELD_NONE);
  desk_record_class_add_int (record_class, "position", DESK_FIELD_NONE);
}

static void
desk_checklist_item_init (DeskChecklistItem *self)
{
}

static void
desk_event_class_init (DeskEventClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "event", "events",
                               "happened_at DESC, created_at DESC");
  desk_record_class_set_label (record_class, NC_("record", "event"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  desk_record_class_add_int (record_class, "happened-at", DESK_FIELD_TIME);
  desk_record_class_add_string (record_class, "text", DESK_FIELD_REQUIRED);
  desk_record_class_set_field_label (record_class, "text", NC_("record field", "text"));
  desk_record_class_add_string (record_class, "actor", DESK_FIELD_NONE);
}

static void
desk_event_init (DeskEvent *self)
{
}

/* One stage of a deadline rule that applies to an incident, e.g. the APPI final report. Its due
 * time is the store's to compute, from the rule, the incident's times and the condition. */
static void
desk_obligation_class_init (DeskObligationClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "obligation", "obligations",
                               "due_at NULLS LAST, created_at");
  desk_record_class_set_label (record_class, NC_("record", "obligation"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  desk_record_class_add_string (record_class, "rule", DESK_FIELD_REQUIRED);
  desk_record_class_set_field_label (record_class, "rule", NC_("record field", "rule"));
  desk_record_class_add_string (record_class, "stage", DESK_FIELD_REQUIRED);
  desk_record_class_set_field_label (record_class, "stage", NC_("record field", "stage"));
  desk_record_class_add_string (record_class, "condition", DESK_FIELD_NONE);
  /* 0: the clock starts at the incident's time for the rule (its detection, awareness…) */
  desk_record_class_add_int (record_class, "clock-start", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "due-at", DESK_FIELD_TIME);
  desk_record_class_add_enum (record_class, "status", DESK_TYPE_OBLIGATION_STATUS,
                              DESK_OBLIGATION_STATUS_OPEN);
  desk_record_class_add_int (record_class, "filed-at", DESK_FIELD_TIME);
  desk_record_class_add_string (record_class, "reference", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "note", DESK_FIELD_NONE);
}

static void
desk_obligation_init (DeskObligation *self)
{
}

/* The incident's potentially affected and confirmed counts at one moment, and where they came
 * from, so that the team can say when and why each published number changed. */
static void
desk_figure_class_init (DeskFigureClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  desk_record_class_set_table (record_class, "figure", "figures", "recorded_at, created_at");
  desk_record_class_set_label (record_class, NC_("record", "figure"));
  desk_record_class_add_reference (record_class, "incident-id", DESK_TYPE_INCIDENT);
  desk_record_class_add_int (record_class, "recorded-at", DESK_FIELD_TIME);
  desk_record_class_add_int (record_class, "potential", DESK_FIELD_NONE);
  desk_record_class_add_int (record_class, "confirmed", DESK_FIELD_NONE);
  desk_record_class_add_enum (record_class, "source", DESK_TYPE_FIGURE_SOURCE,
                              DESK_FIGURE_SOURCE_ESTIMATE);
  /* The imported file's name, for a figure counted after an import. */
  desk_record_class_add_string (record_class, "source-name", DESK_FIELD_NONE);
  desk_record_class_add_string (record_class, "actor", DESK_FIELD_NONE);
}

static void
desk_figure_init (DeskFigure *self)
{
}

/**
 * desk_record_types:
 *
 * Returns: every record type, parents before the records that refer to them
 */
const GType *
desk_record_types (guint *n_types)
{
  static GType types[10];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      guint i = 0;

      types[i++] = DESK_TYPE_INCIDENT;
      types[i++] = DESK_TYPE_CATEGORY;
      types[i++] = DESK_TYPE_CUSTOMER;
      types[i++] = DESK_TYPE_AFFECTED;
      types[i++] = DESK_TYPE_NOTIFICATION;
      types[i++] = DESK_TYPE_CHECKLIST;
      types[i++] = DESK_TYPE_CHECKLIST_ITEM;
      types[i++] = DESK_TYPE_EVENT;
      types[i++] = DESK_TYPE_OBLIGATION;
      types[i++] = DESK_TYPE_FIGURE;
      g_assert (i == G_N_ELEMENTS (types));
      g_once_init_leave (&initialized, 1);
    }

  *n_types = G_N_ELEMENTS (types);
  return types;
}

GType
desk_record_type_from_kind (const char *kind)
{
  guint n_types;
  const GType *types = desk_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (desk_record_class_get_kind (DESK_RECORD_CLASS (klass)), kind) == 0)
        return types[i];
    }

  return G_TYPE_INVALID;
}

DeskIncident *
desk_incident_new (const char *title)
{
  return g_object_new (DESK_TYPE_INCIDENT, "title", title, NULL);
}

DeskCategory *
desk_category_new (DeskIncident *incident,
                   const char   *name)
{
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  return g_object_new (DESK_TYPE_CATEGORY,
                       "incident-id", desk_record_get_id (DESK_RECORD (incident)),
                       "name", name,
                       NULL);
}

DeskCustomer *
desk_customer_new (const char *contract_id,
                   const char *name)
{
  return g_object_new (DESK_TYPE_CUSTOMER, "contract-id", contract_id, "name", name, NULL);
}

/* Returns: (transfer none): the customer's name, or its contract ID if it has none */
const char *
desk_customer_get_display_name (DeskCustomer *self)
{
  const char *name;

  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  name = desk_record_get_string (DESK_RECORD (self), "name");
  return name && *name ? name : desk_record_get_string (DESK_RECORD (self), "contract-id");
}

DeskAffected *
desk_affected_new (DeskIncident *incident,
                   DeskCustomer *customer)
{
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (DESK_IS_CUSTOMER (customer), NULL);

  return g_object_new (DESK_TYPE_AFFECTED,
                       "incident-id", desk_record_get_id (DESK_RECORD (incident)),
                       "customer-id", desk_record_get_id (DESK_RECORD (customer)),
                       NULL);
}

/**
 * desk_notification_new:
 * @affected: (nullable): the affected customer to notify, or %NULL for a regulator or the public
 */
DeskNotification *
desk_notification_new (DeskIncident *incident,
                       DeskAffected *affected)
{
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (affected == NULL || DESK_IS_AFFECTED (affected), NULL);

  return g_object_new (DESK_TYPE_NOTIFICATION,
                       "incident-id", desk_record_get_id (DESK_RECORD (incident)),
                       "affected-id", affected ? desk_record_get_id (DESK_RECORD (affected)) : 0,
                       "recipient", affected ? DESK_RECIPIENT_CUSTOMER : DESK_RECIPIENT_REGULATOR,
                       NULL);
}

DeskChecklist *
desk_checklist_new (DeskIncident *incident,
                    const char   *title)
{
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  return g_object_new (DESK_TYPE_CHECKLIST,
                       "incident-id", desk_record_get_id (DESK_RECORD (incident)),
                       "title", title,
                       NULL);
}

DeskChecklistItem *
desk_checklist_item_new (DeskChecklist *checklist,
                         const char    *text)
{
  DeskRecord *record = DESK_RECORD (checklist);

  g_return_val_if_fail (DESK_IS_CHECKLIST (checklist), NULL);

  return g_object_new (DESK_TYPE_CHECKLIST_ITEM,
                       "incident-id", desk_record_get_int (record, "incident-id"),
                       "checklist-id", desk_record_get_id (record),
                       "text", text,
                       NULL);
}

DeskEvent *
desk_event_new (DeskIncident *incident,
                gint64        happened_at,
                const char   *text)
{
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  return g_object_new (DESK_TYPE_EVENT,
                       "incident-id", desk_record_get_id (DESK_RECORD (incident)),
                       "happened-at", happened_at,
                       "text", text,
                       NULL);
}

/**
 * desk_obligation_new:
 * @rule: the id of a deadline rule, e.g. "appi"
 * @stage: the id of one of its stages, e.g. "final"
 *
 * Returns: (transfer full): a new, open obligation; the store computes its due time when it is
 *   saved
 */
DeskObligation *
desk_obligation_new (DeskIncident *incident,
                     const char   *rule,
                     const char   *stage)
{
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  return g_object_new (DESK_TYPE_OBLIGATION,
                       "incident-id", desk_record_get_id (DESK_RECORD (incident)),
                       "rule", rule,
                       "stage", stage,
                       NULL);
}

DeskFigure *
desk_figure_new (DeskIncident     *incident,
                 gint64            recorded_at,
                 gint64            potential,
                 gint64            confirmed,
                 DeskFigureSource  source)
{
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  return g_object_new (DESK_TYPE_FIGURE,
                       "incident-id", desk_record_get_id (DESK_RECORD (incident)),
                       "recorded-at", recorded_at,
                       "potential", potential,
                       "confirmed", confirmed,
                       "source", source,
                       NULL);
}
