/* desk-page-utils.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-incident-page.h"

G_BEGIN_DECLS

/* A request of an incident page to its store, from the call to its callback. */
typedef struct
{
  DeskIncidentPage *page;
  GObject          *owner;      /* (nullable): the part of the page that asked, if not the page */
  guint             serial;     /* for reloads: which one it belongs to */
  gint64            id;         /* what it is about, e.g. a checklist's id; 0 for nothing */
  DeskRecord       *record;     /* (nullable) */
  GPtrArray        *records;    /* (nullable) */
  const char       *failure;    /* (nullable): what to say if it fails */
  guint             loading : 1;
  guint             cancelled : 1;
} DeskPageRequest;

/* What the Undo of a toast needs: the page may be gone by the time someone presses it. */
typedef struct
{
  GWeakRef          page;
  DeskRecord       *record;
} DeskPageUndo;

DeskPageRequest *desk_page_request_new       (gpointer             page);
DeskPageRequest *desk_page_request_begin     (gpointer             page);
void             desk_page_request_free      (DeskPageRequest     *request);
gboolean         desk_page_request_finish    (DeskPageRequest     *request,
                                              GObject             *store,
                                              GAsyncResult        *result);
void             desk_page_request_end       (DeskPageRequest     *request);
void             desk_page_request_reload_cb (GObject             *store,
                                              GAsyncResult        *result,
                                              gpointer             user_data);

DeskPageUndo    *desk_page_undo_new          (gpointer             page,
                                              DeskRecord          *record);
void             desk_page_undo_free         (gpointer             undo);
void             desk_page_undo_restore      (DeskPageUndo        *undo,
                                              const char          *failure,
                                              GAsyncReadyCallback  callback);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPageRequest, desk_page_request_free)

G_END_DECLS
