"""iskg.loaders"""
