import os

from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://user:password@postgres:5432/conduit")
engine = create_async_engine(URL)
Session = async_sessionmaker(engine, expire_on_commit=False)
