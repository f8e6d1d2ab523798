/* desk-history-text.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DeskHistoryGroup:
 * @entry: (type GObject): a #DeskEvent, or the newest #DeskAuditEntry of the group
 * @n_records: how many different records the group's audit entries change
 * @n_items: for the creation of a checklist, the items created with it
 * @subject: (nullable): what the record is called ("K-10001 (Example Corp)", an item's text),
 *   when the audit entry does not say it and someone looked it up
 *
 * One line of an incident's history: a timeline event, or audit entries that read as one
 * sentence ("Ito marked 10 notices Sent").
 */
typedef struct
{
  GObject *entry;
  guint    n_records;
  guint    n_items;
  char    *subject;
} DeskHistoryGroup;

void        desk_history_group_free          (DeskHistoryGroup        *group);
GPtrArray  *desk_history_group_entries       (GPtrArray               *history);
gboolean    desk_history_group_wants_subject (const DeskHistoryGroup  *group);
gint64      desk_history_group_get_time      (const DeskHistoryGroup  *group);
char       *desk_history_group_describe      (const DeskHistoryGroup  *group);

char       *desk_history_describe            (const char              *actor,
                                              const char              *kind,
                                              const char              *action,
                                              const char              *before,
                                              const char              *after);
char       *desk_history_describe_full       (const char              *actor,
                                              const char              *kind,
                                              const char              *action,
                                              const char              *before,
                                              const char              *after,
                                              guint                    n_records,
                                              guint                    n_items,
                                              const char              *subject);

char       *desk_history_day_label           (gint64                   at,
                                              gint64                   now);
char       *desk_history_time_label          (gint64                   at);
char       *desk_history_full_time           (gint64                   at);

const char *desk_history_field_label         (const char              *column);
char       *desk_history_value_text          (const char              *kind,
                                              const char              *column,
                                              const char              *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskHistoryGroup, desk_history_group_free)

G_END_DECLS
