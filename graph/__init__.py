"""iskg.graph"""
