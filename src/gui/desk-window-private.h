/* desk-window-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"
#include "desk-window.h"

G_BEGIN_DECLS

/* DeskWindow is split over desk-window.c (layout, list, detail page) and desk-window-actions.c
 * (the win.* actions), so its instance struct lives here. */
struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets and objects */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListView          *incident_list;
  GtkWidget            *content;
  GtkWidget            *back_button;
  GtkStack             *content_stack;
  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkLabel             *severity_label;
  GtkLabel             *detected_label;
  GtkLabel             *potential_label;
  GtkLabel             *potential_caption;
  GtkLabel             *confirmed_label;
  GtkLabel             *confirmed_caption;
  GtkLabel             *contracts_label;
  GtkLabel             *notified_label;
  GtkSingleSelection   *selection;
  GListStore           *incidents;

  /* Owned */
  DeskStore            *store;
  GSettings            *settings;
  GBindingGroup        *incident_bindings;   /* the selected incident → the detail page */
  GSignalGroup         *incident_signals;    /* the selected incident's changes */
  GCancellable         *cancellable;         /* every request of the window */
  GCancellable         *stats_cancellable;   /* the figures of the selected incident */

  guint                 loaded : 1;
  guint                 selecting_quietly : 1;
};

/* desk-window-actions.c */
void         _desk_window_class_actions_init (DeskWindowClass *klass);
void         _desk_window_actions_update     (DeskWindow      *self);

/* desk-window.c */
void         _desk_window_show_toast         (DeskWindow      *self,
                                              const char      *title);
void         _desk_window_show_error         (DeskWindow      *self,
                                              const char      *what,
                                              const GError    *error);
void         _desk_window_add_incident       (DeskWindow      *self,
                                              DeskIncident    *incident);

/* For tests */
const char  *_desk_window_get_visible_page   (DeskWindow      *self);
GListModel  *_desk_window_get_incidents      (DeskWindow      *self);

G_END_DECLS
