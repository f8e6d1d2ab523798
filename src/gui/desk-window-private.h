/* desk-window-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"
#include "desk-sync-client.h"
#include "desk-sync-indicator.h"
#include "desk-window.h"

G_BEGIN_DECLS

/* Which incidents the sidebar lists: the "sidebar-filter" setting. */
typedef enum
{
  DESK_SIDEBAR_FILTER_ALL,
  DESK_SIDEBAR_FILTER_OPEN,
  DESK_SIDEBAR_FILTER_CLOSED,
} DeskSidebarFilter;

/* DeskWindow is split over desk-window.c (layout, sidebar, pages) and desk-window-actions.c
 * (the win.* actions), so its instance struct lives here. */
struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets and objects */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *incident_list;
  GtkWidget            *show_all_button;
  GtkWidget            *content;
  GtkWidget            *back_button;
  GtkWidget            *incident_menu_button;
  GtkWidget            *content_menu_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  GtkWidget            *sample_spinner;
  DeskSyncIndicator    *sync_indicator;
  GtkSingleSelection   *selection;
  GtkFilterListModel   *filtered;
  GListStore           *incidents;

  /* Owned */
  DeskStore            *store;
  DeskIncident         *incident;            /* the one the content shows */
  GSettings            *settings;
  GtkCustomFilter      *filter;
  char                 *search_text;         /* casefolded; NULL when not searching */
  GBindingGroup        *incident_bindings;   /* the selected incident → the header */
  GSignalGroup         *incident_signals;    /* the selected incident's changes */
  GCancellable         *cancellable;         /* every request of the window */
  GHashTable           *overdue;             /* incident id → DeskOverdueCount, or NULL */
  char                 *incident_to_show;    /* a UUID asked for before the list was read */
  guint                 overdue_timer_id;
  guint                 overdue_idle_id;

  /* The sync (desk-window-sync.c) */
  DeskSyncClient       *sync_client;
  GCancellable         *token_lookup;        /* the token's look-up in flight */
  guint                 sync_timeout_id;
  guint                 sync_busy : 1;       /* a sync or a count of its state runs */
  guint                 sync_wanted : 1;     /* a sync waits for them, or for the token */
  guint                 sync_asked : 1;      /* the person asked for the sync running */

  DeskSidebarFilter     sidebar_filter;
  guint                 loaded : 1;
  guint                 selecting_quietly : 1;
  guint                 select_first_on_load : 1;
  guint                 loading_sample_data : 1;
  guint                 search_mode : 1;
  guint                 refiltering : 1;
};

/* desk-window-actions.c */
void          _desk_window_class_actions_init (DeskWindowClass *klass);
void          _desk_window_actions_update     (DeskWindow      *self);

/* desk-window.c */
void          _desk_window_show_toast         (DeskWindow      *self,
                                               const char      *title);
void          _desk_window_show_error         (DeskWindow      *self,
                                               const char      *what,
                                               const GError    *error);
DeskIncident *_desk_window_get_selected       (DeskWindow      *self);
void          _desk_window_add_incident       (DeskWindow      *self,
                                               DeskIncident    *incident,
                                               guint            position);
guint         _desk_window_remove_incident    (DeskWindow      *self,
                                               DeskIncident    *incident);
void          _desk_window_reload             (DeskWindow      *self,
                                               gboolean         select_first);
void          _desk_window_set_loading_sample_data (DeskWindow *self,
                                               gboolean         loading);
void          _desk_window_reload_pages       (DeskWindow      *self);
void          _desk_window_import_file        (DeskWindow      *self,
                                               GFile           *file);

/* desk-window-sync.c */
void          _desk_window_sync_init          (DeskWindow      *self);
void          _desk_window_sync_dispose       (DeskWindow      *self);
void          _desk_window_sync               (DeskWindow      *self);
void          _desk_window_show_conflicts     (DeskWindow      *self);

/* For tests */
const char   *_desk_window_get_visible_page   (DeskWindow      *self);
const char   *_desk_window_get_sidebar_page   (DeskWindow      *self);
GListModel   *_desk_window_get_incidents      (DeskWindow      *self);
AdwViewStack *_desk_window_get_view_stack     (DeskWindow      *self);
DeskSyncClient *_desk_window_get_sync_client  (DeskWindow      *self);

G_END_DECLS
