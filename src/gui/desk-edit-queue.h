/* desk-edit-queue.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_EDIT_QUEUE (desk_edit_queue_get_type())

G_DECLARE_FINAL_TYPE (DeskEditQueue, desk_edit_queue, DESK, EDIT_QUEUE, GObject)

typedef enum
{
  DESK_EDIT_SET,       /* change fields of a stored record */
  DESK_EDIT_CREATE,    /* store a new record */
  DESK_EDIT_DELETE,
  DESK_EDIT_RESTORE,
} DeskEditKind;

typedef struct _DeskEdit DeskEdit;

/* Called once @edit is stored, unless the queue was closed meanwhile. */
typedef void (*DeskEditDoneFunc) (gpointer  owner,
                                  DeskEdit *edit);

DeskEdit      *desk_edit_new             (DeskEditKind      kind,
                                          DeskStore        *store,
                                          gpointer          record,
                                          const char       *failure);
void           desk_edit_set_string      (DeskEdit         *edit,
                                          const char       *name,
                                          const char       *value);
void           desk_edit_set_int         (DeskEdit         *edit,
                                          const char       *name,
                                          gint64            value);
void           desk_edit_set_enum        (DeskEdit         *edit,
                                          const char       *name,
                                          int               value);
DeskStore     *desk_edit_get_store       (DeskEdit         *edit);
DeskRecord    *desk_edit_get_record      (DeskEdit         *edit);

DeskEditQueue *desk_edit_queue_new       (void);
void           desk_edit_queue_push      (DeskEditQueue    *self,
                                          DeskEdit         *edit,
                                          GtkWidget        *owner,
                                          DeskEditDoneFunc  done);
gboolean       desk_edit_queue_is_empty  (DeskEditQueue    *self);
gboolean       desk_edit_queue_is_closed (DeskEditQueue    *self);
void           desk_edit_queue_close     (DeskEditQueue    *self);

G_END_DECLS
