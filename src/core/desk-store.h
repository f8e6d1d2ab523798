/* desk-store.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-audit-entry.h"
#include "desk-database.h"
#include "desk-deadline.h"
#include "desk-records.h"
#include "desk-rulebook.h"
#include "desk-stats.h"

G_BEGIN_DECLS

#define DESK_STORE_ERROR (desk_store_error_quark ())

typedef enum
{
  DESK_STORE_ERROR_NOT_FOUND,
  DESK_STORE_ERROR_AMBIGUOUS,
  DESK_STORE_ERROR_INVALID,
  DESK_STORE_ERROR_DUPLICATE,
} DeskStoreError;

/* Returns the current time in seconds since the epoch; tests inject their own clock. */
typedef gint64 (*DeskClockFunc) (gpointer user_data);

#define DESK_TYPE_STORE (desk_store_get_type())

G_DECLARE_FINAL_TYPE (DeskStore, desk_store, DESK, STORE, GObject)

GQuark        desk_store_error_quark       (void);
DeskStore    *desk_store_new               (DeskDatabase         *database);
DeskDatabase *desk_store_get_database      (DeskStore            *self);
const char   *desk_store_get_actor         (DeskStore            *self);
void          desk_store_set_actor         (DeskStore            *self,
                                            const char           *actor);
DeskChannel   desk_store_get_default_channel (DeskStore          *self);
void          desk_store_set_default_channel (DeskStore          *self,
                                            DeskChannel           channel);
void          desk_store_set_clock         (DeskStore            *self,
                                            DeskClockFunc         clock,
                                            gpointer              user_data);
gint64        desk_store_now               (DeskStore            *self);

gboolean      desk_store_save              (DeskStore            *self,
                                            DeskRecord           *record,
                                            GError              **error);
gboolean      desk_store_delete            (DeskStore            *self,
                                            DeskRecord           *record,
                                            GError              **error);
gboolean      desk_store_restore           (DeskStore            *self,
                                            DeskRecord           *record,
                                            GError              **error);
gboolean      desk_store_set_deleted_all   (DeskStore            *self,
                                            GPtrArray            *records,
                                            gboolean              deleted,
                                            GError              **error);
gboolean      desk_store_add_affected_customer (DeskStore        *self,
                                            DeskCustomer         *customer,
                                            DeskAffected         *affected,
                                            GError              **error);
DeskCustomer *desk_store_find_customer     (DeskStore            *self,
                                            const char           *contract_id,
                                            GError              **error);
DeskAffected *desk_store_find_affected     (DeskStore            *self,
                                            gint64                incident_id,
                                            gint64                customer_id,
                                            GError              **error);
gpointer      desk_store_load              (DeskStore            *self,
                                            GType                 type,
                                            gint64                id,
                                            GError              **error);
gpointer      desk_store_lookup            (DeskStore            *self,
                                            GType                 type,
                                            const char           *uuid_or_prefix,
                                            GError              **error);
GPtrArray    *desk_store_list              (DeskStore            *self,
                                            GType                 type,
                                            const char           *field,
                                            gint64                value,
                                            GError              **error);
gboolean      desk_store_add_account       (DeskStore            *self,
                                            DeskAffected         *affected,
                                            const char           *identifier,
                                            DeskExposure          exposure,
                                            gint64                categories,
                                            GError              **error);
DeskStats    *desk_store_get_stats         (DeskStore            *self,
                                            gint64                incident_id,
                                            GError              **error);
GPtrArray    *desk_store_list_audit        (DeskStore            *self,
                                            gint64                incident_id,
                                            GError              **error);
JsonNode     *desk_store_record_to_json    (DeskStore            *self,
                                            DeskRecord           *record);
gboolean      desk_store_set_notification_status (DeskStore      *self,
                                            GPtrArray            *notifications,
                                            DeskNotificationStatus status,
                                            GError              **error);
gboolean      desk_store_move              (DeskStore            *self,
                                            DeskRecord           *record,
                                            guint                 position,
                                            GError              **error);
GPtrArray    *desk_store_list_history      (DeskStore            *self,
                                            gint64                incident_id,
                                            GError              **error);
char         *desk_store_get_export_snapshot (DeskStore          *self,
                                            gint64                incident_id,
                                            const char           *what,
                                            const char           *scope,
                                            gint64                before,
                                            gint64               *exported_at,
                                            GError              **error);
gboolean      desk_store_put_export_snapshot (DeskStore          *self,
                                            gint64                incident_id,
                                            const char           *what,
                                            const char           *scope,
                                            gint64                exported_at,
                                            gint64                replace_from,
                                            const char           *snapshot,
                                            GError              **error);
DeskRulebook *desk_store_get_rulebook      (DeskStore            *self);
void          desk_store_set_rulebook      (DeskStore            *self,
                                            DeskRulebook         *rulebook);
GPtrArray    *desk_store_add_obligations   (DeskStore            *self,
                                            DeskIncident         *incident,
                                            const char           *rule_id,
                                            const char           *condition,
                                            gint64                clock_start,
                                            GError              **error);
GPtrArray    *desk_store_list_deadlines    (DeskStore            *self,
                                            gint64                incident_id,
                                            GError              **error);
GArray       *desk_store_count_overdue     (DeskStore            *self,
                                            GError              **error);
GPtrArray    *desk_store_take_reminders    (DeskStore            *self,
                                            guint                 lead_hours,
                                            GError              **error);
DeskNoticeProgress *desk_store_get_notice_progress (DeskStore    *self,
                                            gint64                incident_id,
                                            GError              **error);

void          desk_store_save_async        (DeskStore            *self,
                                            DeskRecord           *record,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      desk_store_save_finish       (DeskStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_set_deleted_async (DeskStore            *self,
                                            DeskRecord           *record,
                                            gboolean              deleted,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      desk_store_set_deleted_finish (DeskStore           *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_set_deleted_all_async (DeskStore        *self,
                                            GPtrArray            *records,
                                            gboolean              deleted,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      desk_store_set_deleted_all_finish (DeskStore       *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_add_affected_customer_async (DeskStore  *self,
                                            DeskCustomer         *customer,
                                            DeskAffected         *affected,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      desk_store_add_affected_customer_finish (DeskStore *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_set_notification_status_async (DeskStore *self,
                                            GPtrArray            *notifications,
                                            DeskNotificationStatus status,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      desk_store_set_notification_status_finish (DeskStore *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_move_async        (DeskStore            *self,
                                            DeskRecord           *record,
                                            guint                 position,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      desk_store_move_finish       (DeskStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_list_history_async (DeskStore           *self,
                                            gint64                incident_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray    *desk_store_list_history_finish (DeskStore          *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_list_async        (DeskStore            *self,
                                            GType                 type,
                                            const char           *field,
                                            gint64                value,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray    *desk_store_list_finish       (DeskStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_get_stats_async   (DeskStore            *self,
                                            gint64                incident_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
DeskStats    *desk_store_get_stats_finish  (DeskStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_add_obligations_async (DeskStore        *self,
                                            DeskIncident         *incident,
                                            const char           *rule_id,
                                            const char           *condition,
                                            gint64                clock_start,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray    *desk_store_add_obligations_finish (DeskStore       *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_list_deadlines_async (DeskStore         *self,
                                            gint64                incident_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray    *desk_store_list_deadlines_finish (DeskStore        *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_count_overdue_async (DeskStore          *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GArray       *desk_store_count_overdue_finish (DeskStore         *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_take_reminders_async (DeskStore         *self,
                                            guint                 lead_hours,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray    *desk_store_take_reminders_finish (DeskStore        *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          desk_store_get_notice_progress_async (DeskStore    *self,
                                            gint64                incident_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
DeskNoticeProgress *desk_store_get_notice_progress_finish (DeskStore *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
