from disputes import create_app

app = create_app()
