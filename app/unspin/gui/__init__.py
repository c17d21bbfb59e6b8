"""The Qt window: a thin layer that displays what ``unspin.core`` computed."""
