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

/* Called after a removal or its undo, done or failed, unless the page moved on meanwhile (its
 * restart read it again); @record is the first record removed. */
typedef void (*DeskPageChangedFunc) (DeskIncidentPage *page,
                                     DeskRecord       *record);

typedef struct _DeskPageRemoval DeskPageRemoval;

DeskPageRequest *desk_page_request_new       (gpointer             page);
DeskPageRequest *desk_page_request_begin     (gpointer             page);
DeskPageRequest *desk_page_request_begin_part (gpointer            part);
void             desk_page_request_free      (DeskPageRequest     *request);
gboolean         desk_page_request_finish    (DeskPageRequest     *request,
                                              GObject             *store,
                                              GAsyncResult        *result);
void             desk_page_request_end       (DeskPageRequest     *request);
void             desk_page_request_reload_cb (GObject             *store,
                                              GAsyncResult        *result,
                                              gpointer             user_data);

DeskPageRemoval *desk_page_removal_new       (gpointer             page,
                                              const char          *title,
                                              const char          *failure,
                                              const char          *restore_failure,
                                              DeskPageChangedFunc  changed);
void             desk_page_removal_add       (DeskPageRemoval     *removal,
                                              gpointer             record);
void             desk_page_removal_run       (DeskPageRemoval     *removal);
void             desk_page_removal_confirm   (DeskPageRemoval     *removal,
                                              const char          *heading,
                                              const char          *body,
                                              const char          *confirm_label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPageRequest, desk_page_request_free)

G_END_DECLS
