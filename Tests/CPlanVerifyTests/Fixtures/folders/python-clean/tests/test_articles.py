from app.api.articles import router
from app.entities.article import Article


def test_router():
    assert router is not None and Article.__tablename__ == "articles"
