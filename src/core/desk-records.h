/* desk-records.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

/* The record types of the store. Each is a DeskRecord whose fields are declared in
 * desk-records.c; together they are the schema's object view, kept in one place so that it can be
 * read next to the SQL migrations in desk-database.c. */

#define DESK_TYPE_INCIDENT (desk_incident_get_type())
G_DECLARE_FINAL_TYPE (DeskIncident, desk_incident, DESK, INCIDENT, DeskRecord)

#define DESK_TYPE_CATEGORY (desk_category_get_type())
G_DECLARE_FINAL_TYPE (DeskCategory, desk_category, DESK, CATEGORY, DeskRecord)

#define DESK_TYPE_CUSTOMER (desk_customer_get_type())
G_DECLARE_FINAL_TYPE (DeskCustomer, desk_customer, DESK, CUSTOMER, DeskRecord)

#define DESK_TYPE_AFFECTED (desk_affected_get_type())
G_DECLARE_FINAL_TYPE (DeskAffected, desk_affected, DESK, AFFECTED, DeskRecord)

#define DESK_TYPE_NOTIFICATION (desk_notification_get_type())
G_DECLARE_FINAL_TYPE (DeskNotification, desk_notification, DESK, NOTIFICATION, DeskRecord)

#define DESK_TYPE_CHECKLIST (desk_checklist_get_type())
G_DECLARE_FINAL_TYPE (DeskChecklist, desk_checklist, DESK, CHECKLIST, DeskRecord)

#define DESK_TYPE_CHECKLIST_ITEM (desk_checklist_item_get_type())
G_DECLARE_FINAL_TYPE (DeskChecklistItem, desk_checklist_item, DESK, CHECKLIST_ITEM, DeskRecord)

#define DESK_TYPE_EVENT (desk_event_get_type())
G_DECLARE_FINAL_TYPE (DeskEvent, desk_event, DESK, EVENT, DeskRecord)

#define DESK_TYPE_OBLIGATION (desk_obligation_get_type())
G_DECLARE_FINAL_TYPE (DeskObligation, desk_obligation, DESK, OBLIGATION, DeskRecord)

#define DESK_TYPE_FIGURE (desk_figure_get_type())
G_DECLARE_FINAL_TYPE (DeskFigure, desk_figure, DESK, FIGURE, DeskRecord)

const GType *desk_record_types         (guint              *n_types);
GType        desk_record_type_from_kind (const char        *kind);

DeskIncident *desk_incident_new        (const char         *title);
DeskCategory *desk_category_new        (DeskIncident       *incident,
                                        const char         *name);
DeskCustomer *desk_customer_new        (const char         *contract_id,
                                        const char         *name);
const char   *desk_customer_get_display_name (DeskCustomer *self);
DeskAffected *desk_affected_new        (DeskIncident       *incident,
                                        DeskCustomer       *customer);
DeskNotification *desk_notification_new (DeskIncident      *incident,
                                         DeskAffected      *affected);
DeskChecklist *desk_checklist_new      (DeskIncident       *incident,
                                        const char         *title);
DeskChecklistItem *desk_checklist_item_new (DeskChecklist  *checklist,
                                            const char     *text);
DeskEvent    *desk_event_new           (DeskIncident       *incident,
                                        gint64              happened_at,
                                        const char         *text);
DeskObligation *desk_obligation_new    (DeskIncident       *incident,
                                        const char         *rule,
                                        const char         *stage);
DeskFigure   *desk_figure_new          (DeskIncident       *incident,
                                        gint64              recorded_at,
                                        gint64              potential,
                                        gint64              confirmed,
                                        DeskFigureSource    source);

G_END_DECLS
